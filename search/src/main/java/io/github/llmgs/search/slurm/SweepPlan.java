package io.github.llmgs.search.slurm;

import io.github.llmgs.search.run.AtomicFiles;
import io.github.llmgs.search.run.RunDirectory;
import io.github.llmgs.search.run.RunFolderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <out>/slurm/plan.txt}: the runs of the sweep last submitted, in plan order, and how many
 * shards they were split into (run i is array task i mod N's), so that {@code sweep --status}
 * can count the runs not started yet and name the array task of each run.
 */
public record SweepPlan(int shards, List<Run> runs) {
    public static final String FILE = "plan.txt";

    /** One planned run: {@code <out>/<task>/<method>/<seed>}. */
    public record Run(String task, String method, long seed) {
        public Path dir(Path out) {
            return RunDirectory.path(out, task, method, seed);
        }

        /** {@code task/method/seed}, as under the output directory. */
        public String name() {
            return task + "/" + method + "/" + seed;
        }
    }

    /** The array task that runs the run at {@code position}. */
    public int shardOf(int position) {
        return position % shards;
    }

    public void write(Path slurmDir) {
        StringBuilder sb = new StringBuilder("# llmgs sweep --slurm: the sweep's runs in plan order (task, method, seed); "
                + "run i (from 0) is array task i mod shards'\n");
        sb.append("shards\t").append(shards).append('\n');
        for (Run r : runs) sb.append(r.task()).append('\t').append(r.method()).append('\t').append(r.seed()).append('\n');
        Path file = slurmDir.resolve(FILE);
        try {
            AtomicFiles.write(file, sb.toString());
        } catch (IOException e) {
            throw new RunFolderException("cannot write " + file + ": " + RunDirectory.reason(e));
        }
    }

    /** The plan recorded in {@code slurmDir}, if a sweep was submitted there. */
    public static Optional<SweepPlan> read(Path slurmDir) {
        Path file = slurmDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunFolderException("cannot read " + file + ": " + RunDirectory.reason(e));
        }
        int shards = 0, n = 0;
        List<Run> runs = new ArrayList<>();
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            try {
                if (f[0].equals("shards")) {
                    shards = Integer.parseInt(f[1]);
                } else {
                    runs.add(new Run(f[0], f[1], Long.parseLong(f[2])));
                }
            } catch (RuntimeException e) {
                throw new RunFolderException(file + ":" + n + ": not a run line (task, method, seed)");
            }
        }
        if (shards < 1) throw new RunFolderException(file + ": no 'shards' line");
        return Optional.of(new SweepPlan(shards, runs));
    }
}
