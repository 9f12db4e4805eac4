package io.github.llmgs.search.ui;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs and sweeps under the served directory, found by walking it (symlinks not followed)
 * for folders holding a run's files or a sweep's summary. A run is read again only when its
 * files change, or while it is running (its wall time moves), so a page over thousands of
 * finished runs costs one walk.
 */
public final class RunIndex {
    /** How deep runs may sit: {@code <out>/<sweep dirs...>/<task>/<method>/<seed>}. */
    private static final int MAX_DEPTH = 8;
    private static final long FRESH_NANOS = 400_000_000L;

    private final ServedDir served;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();
    private volatile Snapshot last;

    public record Snapshot(List<RunRecord> runs, List<String> sweeps, long takenNanos) {}

    private record Cached(String stamp, RunRecord record) {}

    public RunIndex(ServedDir served) {
        this.served = served;
    }

    /** The runs (sorted by id) and sweep folders now, at most {@code FRESH_NANOS} old. */
    public Snapshot snapshot() {
        Snapshot s = last;
        if (s != null && System.nanoTime() - s.takenNanos() < FRESH_NANOS) return s;
        synchronized (this) {
            s = last;
            if (s != null && System.nanoTime() - s.takenNanos() < FRESH_NANOS) return s;
            s = scan();
            last = s;
            return s;
        }
    }

    public Optional<RunRecord> run(String id) {
        return served.find(id).filter(Files::isDirectory).filter(RunReader::isRun).map(dir -> read(dir, id));
    }

    private Snapshot scan() {
        List<RunRecord> runs = new ArrayList<>();
        List<String> sweeps = new ArrayList<>();
        Path root = served.root();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            String id = served.relative(dir);
                            if (Files.isRegularFile(dir.resolve("summary.csv")) || Files.isRegularFile(dir.resolve("summary.md"))) {
                                sweeps.add(id);
                            }
                            if (!id.isEmpty() && RunReader.isRun(dir)) {
                                runs.add(read(dir, id));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE; // an unreadable folder is left out, not fatal
                        }
                    });
        } catch (IOException e) {
            // the walk reports per-folder failures above; anything else leaves what was found
        }
        runs.sort(Comparator.comparing(RunRecord::id, RunIndex::naturalOrder));
        sweeps.sort(Comparator.naturalOrder());
        return new Snapshot(List.copyOf(runs), List.copyOf(sweeps), System.nanoTime());
    }

    private RunRecord read(Path dir, String id) {
        String stamp = stamp(dir);
        Cached c = cache.get(dir);
        if (c != null && c.stamp().equals(stamp) && c.record().phase() != RunRecord.Phase.RUNNING) return c.record();
        RunRecord r = RunReader.read(dir, id);
        cache.put(dir, new Cached(stamp, r));
        return r;
    }

    /** Changes whenever a run's files do (sizes and modification times). */
    private static String stamp(Path dir) {
        StringBuilder sb = new StringBuilder();
        for (String f : new String[] {"result.json", "events.jsonl", "run.lock"}) {
            try {
                BasicFileAttributes a = Files.readAttributes(dir.resolve(f), BasicFileAttributes.class);
                sb.append(a.size()).append('@').append(a.lastModifiedTime().toMillis()).append(';');
            } catch (IOException e) {
                sb.append("-;");
            }
        }
        return sb.toString();
    }

    /** "Harvester/hc/2" before "Harvester/hc/10": digit runs compare as numbers. */
    static int naturalOrder(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i), y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", ""), nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int cmp = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (cmp != 0) return cmp;
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
