package io.github.llmgs.search.picture;

import java.util.List;

/**
 * One episode as frames: {@code frames} holds frame 0 (the start) and the first actions, at most
 * as many as were asked for; {@code steps} is how many actions the whole episode executed, so
 * {@link #hidden()} of them are not shown. {@code summary} is the episode's end as eval prints it,
 * {@code end} the same as data.
 */
public record Film(String title, List<Frame> frames, int steps, String summary, End end) {
    /**
     * How the episode ended: its return, condition and action calls, the crash flag and, for
     * MiniGrid, whether the last step terminated (null for Karel, which has no such flag).
     */
    public record End(double ret, int calls, boolean crashed, Boolean terminated) {}

    public Film {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) throw new IllegalArgumentException("a film has at least its start frame");
    }

    /** The same episode with only its first {@code n} frames (at least the start), as a shorter picture shows it. */
    public Film first(int n) {
        if (n < 1) throw new IllegalArgumentException("frames " + n + ": at least 1 (the start world)");
        return n >= frames.size() ? this : new Film(title, frames.subList(0, n), steps, summary, end);
    }

    /** Actions after the last frame shown. */
    public int hidden() {
        return steps - (frames.size() - 1);
    }

    /** The line under the last frame: the cap when there is one, else how the episode ended. */
    public String lastNote() {
        int n = hidden();
        return n > 0 ? "... " + n + " more step" + (n == 1 ? "" : "s") + " not shown (" + summary + ")" : summary;
    }

    /** The second caption line of frame {@code i}: the title, or on the last frame the note. */
    public String note(int i) {
        return i == frames.size() - 1 ? lastNote() : title;
    }

    /** Frames kept when an episode of {@code steps} actions is capped at {@code maxFrames} (start included). */
    public static int shown(int steps, int maxFrames) {
        return Math.min(steps + 1, maxFrames);
    }
}
