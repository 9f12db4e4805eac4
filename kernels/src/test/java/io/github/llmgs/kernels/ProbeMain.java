package io.github.llmgs.kernels;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.BackendProvider;
import io.github.llmgs.engine.batch.Backends;

/** Prints what the OpenCL provider's probe and {@code auto} say in this JVM (for tests that start one). */
public final class ProbeMain {
    private ProbeMain() {}

    public static void main(String[] args) {
        BackendProvider.Availability a = new OpenClBackendProvider().probe(BackendOptions.defaults());
        System.out.println("available=" + a.available());
        System.out.println("description=" + a.description());
        try (Backend b = Backends.open("auto", BackendOptions.defaults(), note -> System.out.println("note=" + note))) {
            System.out.println("auto=" + b.name());
        }
    }
}
