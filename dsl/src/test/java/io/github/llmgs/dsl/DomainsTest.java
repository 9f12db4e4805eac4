package io.github.llmgs.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.karel.Action;
import io.github.llmgs.dsl.karel.Perception;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainsTest {

    @Test
    void theRegistryListsKarelFirstThenMiniGrid() {
        assertEquals(List.of("karel", "minigrid"), Domains.all().stream().map(Vocabulary::domain).toList());
        assertEquals("karel, minigrid", Domains.names());
    }

    @Test
    void anUnknownDomainIsAOneLineErrorListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Domains.named("atari"));
        assertEquals("unknown domain 'atari'; known: karel, minigrid", e.getMessage());
    }

    @Test
    void karelIsTheDefaultOfParserAndGrammar() {
        assertEquals(Parser.parse("DEF run m( move m)"), Parser.parse("DEF run m( move m)", Domains.KAREL));
        assertEquals(Domains.KAREL, new Grammar().vocabulary());
    }

    @Test
    void karelWordsAreTheVocabularysInGrammarOrderWithTheirWeights() {
        assertEquals(List.of(Action.values()), Domains.KAREL.actions());
        assertEquals(List.of(Perception.values()), Domains.KAREL.features());
        assertEquals(List.of(0.5, 0.15, 0.15, 0.1, 0.1),
                Domains.KAREL.actions().stream().map(ActionWord::weight).toList());
        assertTrue(Domains.KAREL.features().stream().noneMatch(FeatureWord::takesArgument));
        assertEquals(Action.TURN_LEFT, Domains.KAREL.action("turnLeft"));
        assertEquals(null, Domains.KAREL.action("left"));
    }

    @Test
    void idsMustBeListPositions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary("broken", List.of(Action.TURN_LEFT), List.of(), 0.5, 0.5, "feature"));
        assertEquals("broken: 'turnLeft' has id 1 at position 0", e.getMessage());
    }

    @Test
    void aFeatureNodeTakesAnArgumentExactlyWhenItsFeatureDoes() {
        assertThrows(IllegalArgumentException.class,
                () -> new Node.Feature(Perception.FRONT_IS_CLEAR, "ball"));
        assertThrows(IllegalArgumentException.class,
                () -> new Node.Feature(io.github.llmgs.dsl.minigrid.Feature.FRONT_OBJECT_TYPE));
        assertThrows(IllegalArgumentException.class,
                () -> new Node.Feature(io.github.llmgs.dsl.minigrid.Feature.FRONT_OBJECT_TYPE, "two words"));
    }
}
