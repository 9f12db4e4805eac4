package io.github.llmgs.engine;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.ReferenceBackend;

/** The search vectors' scores on the tree-walking oracle. */
class ReferenceSearchScoresTest extends SearchScoresTest {
    @Override
    protected Backend backend() {
        return new ReferenceBackend(2);
    }
}
