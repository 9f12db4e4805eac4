package io.github.llmgs.engine.profile;

/**
 * A backend that can say where its calls' time went ({@link DeviceTimes}); the OpenCL backends
 * implement it. Collection is off until {@link #profileTimes(boolean)} turns it on, so that a
 * search pays nothing for it.
 */
public interface ProfiledBackend {
    /** Turns event collection on or off; turning it on also clears what was summed. */
    void profileTimes(boolean on);

    /** The times summed since collection was turned on or last taken, and clears them. */
    DeviceTimes takeTimes();
}
