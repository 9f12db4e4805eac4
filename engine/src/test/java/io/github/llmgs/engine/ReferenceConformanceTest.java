package io.github.llmgs.engine;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.ReferenceBackend;

/** The tree-walking oracle holds to the reference implementation's vectors. */
class ReferenceConformanceTest extends BackendConformanceTest {
    @Override
    protected Backend backend() {
        return new ReferenceBackend();
    }
}
