package io.github.llmgs.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendException;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {
    @Test
    void referenceIsKnownAndTheDefault() {
        assertTrue(BackendChoice.names().contains(BackendChoice.DEFAULT));
        try (Backend b = BackendChoice.open("Reference")) {
            assertEquals("reference", b.name());
        }
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        BackendException e = assertThrows(BackendException.class, () -> BackendChoice.open("warp"));
        assertEquals("unknown backend 'warp'; known backends: " + String.join(", ", BackendChoice.names()), e.getMessage());
    }
}
