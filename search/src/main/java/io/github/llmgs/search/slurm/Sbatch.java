package io.github.llmgs.search.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Slurm's {@code sbatch}: submits a batch script and returns its job id. */
public final class Sbatch {
    private final SlurmTool tool;

    public Sbatch() {
        this("sbatch");
    }

    Sbatch(String program) {
        tool = new SlurmTool(program);
    }

    /**
     * Submits {@code script} with {@code options} before it (they win over the script's
     * {@code #SBATCH} lines, as sbatch reads them); {@code what} names the job in errors.
     *
     * @return the job id (for an array, the array's id)
     * @throws SlurmException with sbatch's own reason when it refuses
     */
    public String submit(Path script, List<String> options, String what) {
        List<String> args = new ArrayList<>();
        args.add("--parsable");
        args.addAll(options);
        args.add(script.toString());
        SlurmTool.Result r = tool.run(args);
        if (r.code() != 0) throw new SlurmException("sbatch refused the " + what + ": " + r.reason());
        // --parsable prints "id" or "id;cluster", after any warnings of its own
        String last = r.out().strip().lines().reduce((a, b) -> b).orElse("");
        String id = last.split(";", -1)[0].strip();
        if (!id.matches("[0-9]+")) {
            throw new SlurmException("sbatch gave no job id for the " + what + " (it printed '" + last + "')");
        }
        return id;
    }
}
