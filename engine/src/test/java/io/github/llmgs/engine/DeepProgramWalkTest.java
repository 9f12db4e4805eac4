package io.github.llmgs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import org.junit.jupiter.api.Test;

/** The tree-walker loops along statement lists: a long list runs on a 512 KiB stack. */
class DeepProgramWalkTest {
    @Test
    void fiftyThousandStatementsRunWithoutStack() {
        SmallStack.run(() -> {
            Node.Program p = Parser.parse("DEF run m( " + "turnLeft ".repeat(50_000) + "m)");
            Task maze = Tasks.byName("Maze");
            Episode e = new TreeWalker().run(p, maze, maze.generate(0));
            assertEquals(TreeWalker.DEFAULT_MAX_CALLS + 1, e.calls(), "turns never end a Maze episode: the call limit does");
            assertTrue(e.crashed());
        });
    }

    @Test
    void oneHundredNestedBodiesRun() {
        SmallStack.run(() -> {
            Node.Program p = Parser.parse("DEF run m( " + "REPEAT R=1 r( IF c( frontIsClear c) i( ".repeat(50) + "move"
                    + " i) r)".repeat(50) + " m)");
            Task maze = Tasks.byName("Maze");
            Trace t = new TreeWalker().trace(p, maze, maze.generate(0));
            assertEquals(t.episode().calls(), t.log().lines().count(), t.log());
        });
    }
}
