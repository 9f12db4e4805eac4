package io.github.llmgs.search.run;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.llm.RevisionPrompts;
import io.github.llmgs.search.method.Reviser;
import io.github.llmgs.search.method.SeedSource;
import java.util.List;

/**
 * A run's seed source whose requests (an LLM's seconds) are made {@link Batcher.Member#away}
 * from the engine, so that runs sharing it are not held up by one that is asking for programs.
 */
final class AwaySeeds {
    private AwaySeeds() {}

    static SeedSource of(SeedSource seeds, Batcher.Member engine) {
        if (seeds instanceof Reviser reviser) {
            return new Reviser() {
                @Override
                public List<Node.Program> seeds(int count) {
                    return engine.away(() -> reviser.seeds(count));
                }

                @Override
                public List<Node.Program> revise(int round, RevisionPrompts.Context context, int count) {
                    return engine.away(() -> reviser.revise(round, context, count));
                }

                @Override
                public String description() {
                    return reviser.description();
                }

                @Override
                public void cancel() {
                    reviser.cancel();
                }

                @Override
                public void close() {
                    reviser.close();
                }
            };
        }
        return new SeedSource() {
            @Override
            public List<Node.Program> seeds(int count) {
                return engine.away(() -> seeds.seeds(count));
            }

            @Override
            public String description() {
                return seeds.description();
            }

            @Override
            public void cancel() {
                seeds.cancel();
            }
        };
    }
}
