package io.github.llmgs.engine.profile;

/**
 * What a {@link ProfileSubject} says about the backend it adapts, taken once when it is made:
 * the domains' backends share no interface, but their subjects describe them alike.
 */
abstract class AdaptedBackend implements ProfileSubject {
    private final String name;
    private final String device;
    private final String task;
    private final int instances;
    private final ProfiledBackend profiled;

    AdaptedBackend(Object backend, String name, String device, String task, int instances) {
        this.name = name;
        this.device = device;
        this.task = task;
        this.instances = instances;
        this.profiled = backend instanceof ProfiledBackend p ? p : null;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String device() {
        return device;
    }

    @Override
    public final String task() {
        return task;
    }

    @Override
    public final int instances() {
        return instances;
    }

    @Override
    public final ProfiledBackend profiled() {
        return profiled;
    }
}
