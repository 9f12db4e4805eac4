package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import java.util.List;

/** Scores programs (mean return over the task's instances), many at once. */
public interface Scorer {
    double[] scores(List<Node.Program> programs);

    /** Programs actually computed (not served from a cache), for the raw count. */
    long computed();
}
