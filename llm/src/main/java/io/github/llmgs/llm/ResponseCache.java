package io.github.llmgs.llm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Response bodies on disk, one file {@code <key>.json} per request. The key is the SHA-256 of
 * the endpoint (without secrets), the request JSON (which never holds the key) and the number
 * of times that same request was already made in this run, so asking the same thing twice in a
 * run gets two different answers, and a re-run gets the same two.
 */
final class ResponseCache {

    private final Path dir;

    ResponseCache(Path dir) {
        this.dir = dir;
    }

    /**
     * A cache in {@code dir}, checked before any request: the directory is created and a probe
     * file written and deleted, so an unwritable cache is a one-line error at start, not after
     * the first paid answer.
     */
    static ResponseCache open(Path dir) {
        Path probe = null;
        try {
            Files.createDirectories(dir);
            probe = Files.createTempFile(dir, ".llmgs-probe-", ".tmp");
            Files.writeString(probe, "probe", StandardCharsets.UTF_8);
            Files.delete(probe);
        } catch (IOException e) {
            throw new LlmException("cannot use the LLM cache directory " + dir + ": " + IoReasons.of(e, dir), e);
        }
        return new ResponseCache(dir);
    }

    Path dir() {
        return dir;
    }

    static String key(String endpoint, String requestJson, int occurrence) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((endpoint + "\n" + requestJson + "\n#" + occurrence).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<String> get(String key) {
        Path f = dir.resolve(key + ".json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LlmException("cannot read the LLM cache file " + f + ": " + IoReasons.of(e, f), e);
        }
    }

    void put(String key, String body) {
        Path f = dir.resolve(key + ".json");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.writeString(tmp, body, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LlmException("cannot write the LLM cache directory " + dir + ": " + IoReasons.of(e, dir), e);
        }
    }
}
