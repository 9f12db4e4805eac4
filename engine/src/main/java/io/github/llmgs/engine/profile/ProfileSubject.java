package io.github.llmgs.engine.profile;

import io.github.llmgs.dsl.Node;
import java.util.List;

/**
 * One backend on one task's instances, as the {@link Profiler} times it: each domain adapts its
 * backends ({@link KarelSubject}, {@link MiniGridSubject}), so that timing, interleaving,
 * ratios and sweeps are written once for every domain.
 */
public interface ProfileSubject {
    /** The backend's name, as {@code --backend} calls it. */
    String name();

    /** What runs the work (an OpenCL device string names the device and driver). */
    String device();

    String task();

    /** Instances each program runs on: the lanes of a warp in {@link EpisodeStats}. */
    int instances();

    /** The backend when it reports where its time went, else null. */
    ProfiledBackend profiled();

    /** Every program once, {@code batchSize} programs per backend call. */
    Pass pass(List<Node.Program> programs, int batchSize);
}
