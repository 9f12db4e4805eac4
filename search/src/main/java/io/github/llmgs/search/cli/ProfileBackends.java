package io.github.llmgs.search.cli;

import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.profile.KarelSubject;
import io.github.llmgs.engine.profile.MiniGridSubject;
import io.github.llmgs.engine.profile.ProfileSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The backends {@code profile} opens for a task, in its domain ({@code --backend} names the same
 * backends in both), and the profiler's subjects they make on a list of instance seeds: the one
 * place where {@code profile} tells the domains apart. Closing it closes them.
 */
final class ProfileBackends implements AutoCloseable {
    private final DomainTask task;
    private final int maxCalls;
    private final List<Backend> karel = new ArrayList<>();
    private final List<MiniGridEpisodes> miniGrid = new ArrayList<>();

    private ProfileBackends(DomainTask task, int maxCalls) {
        this.task = task;
        this.maxCalls = maxCalls;
    }

    /** Opens every named backend in order; when one cannot be opened, those already open are closed. */
    static ProfileBackends open(DomainTask task, int maxCalls, List<String> names, int threads, String device,
                                Consumer<String> notes) {
        ProfileBackends b = new ProfileBackends(task, maxCalls);
        // side by side, --device is the OpenCL backends' and --threads the CPU ones'; one that no
        // named backend takes still goes to them all, which refuse it
        boolean someTakeDevice = names.stream().anyMatch(n -> !cpuOnly(n));
        boolean someTakeThreads = names.stream().anyMatch(n -> !openClOnly(n));
        try {
            for (String name : names) {
                String d = cpuOnly(name) && someTakeDevice ? null : device;
                int t = openClOnly(name) && someTakeThreads ? 0 : threads;
                if (task.isMiniGrid()) {
                    b.miniGrid.add(Inputs.miniGridBackend(name, t, d, notes));
                } else {
                    b.karel.add(Inputs.backend(name, t, d, notes));
                }
            }
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    private static boolean cpuOnly(String name) {
        return name.equalsIgnoreCase("cpu") || name.equalsIgnoreCase("reference");
    }

    private static boolean openClOnly(String name) {
        return name.equalsIgnoreCase("opencl");
    }

    /** One subject per backend on the task's instances of {@code seeds} ({@code option} names them in errors). */
    List<ProfileSubject> on(long[] seeds, String option) {
        List<ProfileSubject> subjects = new ArrayList<>();
        if (task.isMiniGrid()) {
            for (MiniGridEpisodes b : miniGrid) subjects.add(new MiniGridSubject(b, task.miniGrid(), seeds, maxCalls));
            return subjects;
        }
        List<TaskInstance> instances = new ArrayList<>();
        for (long s : seeds) instances.add(Inputs.instance(task.karel(), s, option));
        for (Backend b : karel) subjects.add(new KarelSubject(b, task.karel(), instances, maxCalls));
        return subjects;
    }

    /** Seeds 0..count-1, what {@code --sweep-instances} runs. */
    static long[] firstSeeds(int count) {
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) seeds[i] = i;
        return seeds;
    }

    @Override
    public void close() {
        for (Backend b : karel) b.close();
        for (MiniGridEpisodes b : miniGrid) b.close();
        karel.clear();
        miniGrid.clear();
    }
}
