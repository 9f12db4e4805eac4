package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmgs conformance} on MiniGrid vectors: the layout picks the runner, the oracle is the only backend. */
class MiniGridConformanceCommandTest {
    @Test
    void everyPublicVectorPasses(@TempDir Path dir) throws IOException {
        MiniGridVectors.copyAll(dir);
        for (String backend : List.of("reference", "cpu")) {
            everyPublicVectorPassesOn(backend, dir);
        }
        EvalCommandTest.requireOpenCl();
        everyPublicVectorPassesOn("opencl", dir);
    }

    private void everyPublicVectorPassesOn(String backend, Path dir) {
        Cli.Result r = Cli.run("conformance", "--vectors", dir.toString(), "--backend", backend).assertOk();
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith(switch (backend) {
            case "cpu" -> "backend cpu (Java bytecode VM (MiniGrid), ";
            case "opencl" -> "backend opencl (";
            default -> "backend reference (Java tree-walker (MiniGrid oracle), ";
        }), r::show);
        assertTrue(lines.get(0).endsWith("), MiniGrid vectors " + dir), r::show);
        // 96 instances; 5 generator draw logs + 96 reset call logs; 445 programs x 32 seeds;
        // 19,454 trace steps + the ends of 156 traces
        assertEquals(List.of(
                "instances.jsonl             96 passed, 0 failed",
                "rng.jsonl                  101 passed, 0 failed",
                "episodes.jsonl           14240 passed, 0 failed",
                "traces.jsonl             19610 passed, 0 failed",
                "34047 passed, 0 failed"), lines.subList(1, lines.size()), r::show);
    }

    /** Only instances and episodes: still MiniGrid by its task names; the default backend is the reference. */
    @Test
    void aDirectoryWithoutRngOrTracesIsToldByItsTasks(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("episodes.jsonl"), MiniGridVectors.write(MiniGridVectors.lines("episodes.jsonl").get(0)) + "\n");
        Cli.Result r = Cli.run("conformance", "--vectors", dir.toString()).assertOk();
        assertTrue(r.out().startsWith("backend reference ("), r::show);
        assertTrue(r.out().strip().endsWith("32 passed, 0 failed"), r::show);
    }

    @Test
    void aWrongEpisodeExitsOneAndShowsTheWorld(@TempDir Path dir) throws IOException {
        ObjectNode line = (ObjectNode) MiniGridVectors.lines("episodes.jsonl").get(0);
        int steps = line.get("steps").get(0).asInt();
        ((ArrayNode) line.get("steps")).set(0, IntNode.valueOf(steps + 1));
        Files.writeString(dir.resolve("episodes.jsonl"), MiniGridVectors.write(line) + "\n");
        Cli.Result r = Cli.run("conformance", "--vectors", dir.toString(), "--backend", "reference");
        assertEquals(1, r.code(), r::show);
        assertEquals("", r.err(), r::show);
        String task = line.get("task").asText();
        long seed = line.get("seeds").get(0).asLong();
        assertTrue(r.out().contains("episodes.jsonl: " + task + " seed " + seed + " (line 1) program: " + line.get("program").asText()), r::show);
        assertTrue(r.out().contains("expected return=" + line.get("returns").get(0).asDouble() + " steps=" + (steps + 1)), r::show);
        assertTrue(r.out().contains("got      return=" + line.get("returns").get(0).asDouble() + " steps=" + steps), r::show);
        assertTrue(r.out().contains("initial world:\n    WeWeWeWeWeWe"), r::show);
        assertTrue(r.out().strip().endsWith("31 passed, 1 failed"), r::show);
    }

    @Test
    void aWrongTraceStepExitsOne(@TempDir Path dir) throws IOException {
        JsonNode trace = MiniGridVectors.lines("traces.jsonl").get(0);
        ArrayNode first = (ArrayNode) trace.get("steps").get(0);
        first.set(7, IntNode.valueOf(first.get(7).asInt() + 100)); // num_calls after the first action
        Files.writeString(dir.resolve("traces.jsonl"), MiniGridVectors.write(trace) + "\n");
        Cli.Result r = Cli.run("conformance", "--vectors", dir.toString());
        assertEquals(1, r.code(), r::show);
        assertTrue(r.out().contains("step 0 expected "), r::show);
        assertTrue(r.out().contains("world before the step:"), r::show);
        int steps = trace.get("steps").size();
        assertTrue(r.out().strip().endsWith(steps + " passed, 1 failed"), r::show); // the other steps and the end
    }

    @Test
    void malformedVectorsAreOneLine(@TempDir Path dir) throws IOException {
        Path instances = dir.resolve("instances.jsonl");
        Files.writeString(instances, "{\"task\": \"LavaGap\",\n");
        Cli.run("conformance", "--vectors", dir.toString())
                .assertUserError(instances + ":1:20: malformed JSON (Unexpected end-of-input within/between Object entries)");
        Files.writeString(instances, "{\"task\": \"LavaGap\", \"seed\": 0}\n");
        Cli.run("conformance", "--vectors", dir.toString()).assertUserError(instances + ":1: missing field 'width'");
        Files.writeString(instances, "{\"task\": \"LavaGrap\", \"seed\": 0}\n");
        Cli.run("conformance", "--vectors", dir.toString())
                .assertUserError(instances + ":1: unknown task 'LavaGrap', neither Karel's nor MiniGrid's");
        Files.writeString(dir.resolve("rng.jsonl"), MiniGridVectors.text("rng.jsonl")); // now it is MiniGrid's layout
        Cli.run("conformance", "--vectors", dir.toString()).assertUserError(instances + ":1: unknown MiniGrid task: LavaGrap "
                + "(known: LavaGap, RedBlueDoor, PutNear)");
        Files.delete(instances);
        Files.delete(dir.resolve("rng.jsonl"));

        Path episodes = dir.resolve("episodes.jsonl");
        Files.writeString(episodes, "{\"task\": \"LavaGap\", \"program\": \"DEF run m( move m)\", \"seeds\": [0]}\n");
        Cli.run("conformance", "--vectors", dir.toString()).assertUserError(episodes
                + ":1: field 'program': 1:12: unknown token 'move' (a karel action; this is a minigrid program)");
        Files.delete(episodes);

        Path rng = dir.resolve("rng.jsonl");
        Files.writeString(rng, "{\"kind\": \"legacy_draws\", \"seed\": 0}\n");
        Cli.run("conformance", "--vectors", dir.toString())
                .assertUserError(rng + ":1: unknown rng line kind 'legacy_draws' (expected generator_draws or reset_calls)");
    }

    @Test
    void karelAndMiniGridFilesTogetherAreRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rng.jsonl"), MiniGridVectors.text("rng.jsonl"));
        Files.copy(Cli.vectors().resolve("random_state.jsonl"), dir.resolve("random_state.jsonl"));
        Cli.run("conformance", "--vectors", dir.toString()).assertUserError(dir + ": holds more than one kind of vectors "
                + "(Karel's random_state.jsonl, snake_tape.jsonl; MiniGrid's rng.jsonl, traces.jsonl; searches' search.jsonl); "
                + "keep one kind per directory");
    }

    /**
     * Backend mistakes are one line; auto without a GPU is the bytecode VM (PoCL is a CPU device,
     * which auto leaves to the VM).
     */
    @Test
    void otherBackendsAreRefusedInOneLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rng.jsonl"), MiniGridVectors.text("rng.jsonl"));
        // auto says on stderr what it picked: the kernel on a GPU, else the VM
        Cli.Result auto = Cli.run("conformance", "--vectors", dir.toString(), "--backend", "auto");
        assertEquals(0, auto.code(), auto::show);
        String picked = auto.err().startsWith("backend auto: using cpu (") ? "cpu" : "opencl";
        assertTrue(auto.err().startsWith("backend auto: using " + picked) && auto.out().startsWith("backend " + picked + " ("),
                auto::show);
        Cli.run("conformance", "--vectors", dir.toString(), "--backend", "gpu9")
                .assertUserError("unknown backend 'gpu9' for MiniGrid; known backends: auto, cpu, reference, opencl");
        Cli.run("conformance", "--vectors", dir.toString(), "--backend", "reference", "--device", "0")
                .assertUserError("--device 0: the reference backend runs on CPU threads; --device chooses an OpenCL device "
                        + "(--backend opencl or auto)");
        Cli.run("conformance", "--vectors", dir.toString(), "--threads", "100000")
                .assertUserError("--threads 100000 is out of range: use 0 (all cores) or 1..4096");
        Cli.Result one = Cli.run("conformance", "--vectors", dir.toString(), "--threads", "1").assertOk();
        assertTrue(one.out().startsWith("backend reference (Java tree-walker (MiniGrid oracle), 1 thread), "), one::show);
        assertTrue(one.out().strip().endsWith("101 passed, 0 failed"), one::show);
    }
}
