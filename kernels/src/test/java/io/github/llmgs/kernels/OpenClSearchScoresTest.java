package io.github.llmgs.kernels;

import io.github.llmgs.engine.SearchScoresTest;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendOptions;

/** The search vectors' scores on the OpenCL kernel, bit for bit as the reference's. */
class OpenClSearchScoresTest extends SearchScoresTest {
    @Override
    protected Backend backend() {
        return OpenClTestSupport.open(BackendOptions.defaults());
    }
}
