package io.github.llmgs.search.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The output directory the dashboard serves, and the only way a request names a file: a
 * relative path is resolved segment by segment and kept only if its real location (symlinks
 * followed) is still inside the directory, so no spelling of {@code ..}, no absolute path and no
 * symlink leads a request outside it.
 */
public final class ServedDir {
    private final Path root;

    public ServedDir(Path dir) throws IOException {
        this.root = dir.toRealPath();
        if (!Files.isDirectory(root)) throw new IOException(dir + " is not a directory");
    }

    public Path root() {
        return root;
    }

    /** The existing file or directory that {@code relative} names inside the served directory, or empty. */
    public Optional<Path> find(String relative) {
        if (relative == null || relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0) return Optional.empty();
        Path p = root;
        for (String segment : relative.split("/")) {
            if (segment.isEmpty()) continue;
            if (segment.equals("..") || segment.equals(".") || segment.contains(":")) return Optional.empty();
            p = p.resolve(segment);
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(p)) return Optional.empty();
        try {
            Path real = p.toRealPath();
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** {@code path} relative to the served directory with '/' separators ("" for the directory itself). */
    public String relative(Path path) {
        String rel = root.relativize(path).toString().replace('\\', '/');
        return rel;
    }
}
