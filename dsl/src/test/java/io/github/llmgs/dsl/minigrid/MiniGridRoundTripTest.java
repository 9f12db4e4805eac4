package io.github.llmgs.dsl.minigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Limits;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniGridRoundTripTest {

    private static Node.Program parse(String text) {
        return Parser.parse(text, Domains.MINIGRID);
    }

    @Test
    void everyEpisodeProgramPrintsBackByteForByte() throws IOException {
        assertRoundTrips(MiniGridVectors.programs("episodes.jsonl"), 445);
    }

    @Test
    void everyTraceProgramPrintsBackByteForByte() throws IOException {
        assertRoundTrips(MiniGridVectors.programs("traces.jsonl"), 156);
    }

    private static void assertRoundTrips(List<String> programs, int expectedCount) {
        assertEquals(expectedCount, programs.size());
        for (String text : programs) {
            Node.Program p = parse(text);
            assertEquals(text, Printer.print(p));
            // a feature with its argument is four tokens, which Limits counts without printing
            assertEquals(text.split(" ").length, Limits.tokens(p), text);
        }
    }

    @Test
    void aFeatureWithItsArgumentIsOneNode() {
        Node.Program p = parse("DEF run m( IF c( front_object_type h( ball h) c) i( forward i) m)");
        Node.If branch = (Node.If) p.body();
        assertEquals(new Node.Feature(Feature.FRONT_OBJECT_TYPE, "ball"), branch.cond());
        assertEquals(new Node.Act(Action.FORWARD), branch.body());
        assertEquals(4, Limits.nodeCount(p)); // Program, If, Feature, Act
        assertEquals(14, Limits.tokens(p));
    }

    @Test
    void everyShapeOfTheGrammarParses() {
        String text = "DEF run m( WHILE c( not c( front_object_color h( red h) c) c) w( left w) "
                + "REPEAT R=3 r( right r) IFELSE c( is_carrying_object c) i( drop i) ELSE e( pickup e) "
                + "IF c( front_is_clear c) i( toggle i) m)";
        Node.Program p = parse(text);
        assertEquals(text, Printer.print(p));
        Node.Concatenate c = (Node.Concatenate) p.body();
        Node.While w = (Node.While) c.first();
        assertEquals(new Node.Not(new Node.Feature(Feature.FRONT_OBJECT_COLOR, "red")), w.cond());
    }

    /** spec/minigrid.md 9.1 and quirk 13: the argument is any word, compared literally by the world. */
    @Test
    void anyWordIsAnArgument() {
        for (String word : List.of("red", "wall", "goal", "key", "green")) {
            Node.Program p = parse("DEF run m( IF c( front_object_type h( " + word + " h) c) i( forward i) m)");
            assertEquals(word, ((Node.Feature) ((Node.If) p.body()).cond()).argument());
        }
    }

    @Test
    void wordsAreTheVocabularysInGrammarOrder() {
        assertEquals(List.of(Action.LEFT, Action.RIGHT, Action.FORWARD, Action.PICKUP, Action.DROP, Action.TOGGLE),
                Domains.MINIGRID.actions());
        assertEquals(List.of(Feature.FRONT_IS_CLEAR, Feature.FRONT_OBJECT_TYPE, Feature.FRONT_OBJECT_COLOR,
                Feature.IS_CARRYING_OBJECT), Domains.MINIGRID.features());
        assertEquals(List.of("lava", "door", "ball", "box"), Feature.FRONT_OBJECT_TYPE.arguments());
        assertEquals(List.of("red", "blue"), Feature.FRONT_OBJECT_COLOR.arguments());
        assertEquals(Domains.MINIGRID, Domains.named("minigrid"));
        assertEquals(Domains.KAREL, Domains.named("karel"));
    }
}
