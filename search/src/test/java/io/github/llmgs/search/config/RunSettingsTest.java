package io.github.llmgs.search.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSettingsTest {
    /** The file in the repository (tests run in the module directory). */
    static final Path REPO_FILE = Path.of("..", "configs", "karel.json");

    @Test
    void defaultsAreLlmGsRunSettings() {
        RunSettings s = RunSettings.loadDefault();
        assertEquals(10_000, s.maxCalls());
        assertEquals(32, s.instances());
        assertEquals("0-31", s.seedsText());
        long[] seeds = new long[32];
        for (int i = 0; i < 32; i++) seeds[i] = i;
        assertArrayEquals(seeds, s.seeds());
        assertFalse(s.crashable());
        assertTrue(s.leapsBehaviour());
        assertEquals("classpath:/configs/karel.json", s.source());
    }

    @Test
    void taskSizesAgreeWithTheEngine() {
        RunSettings s = RunSettings.loadDefault();
        List<String> engineNames = Tasks.all().stream().map(Task::name).toList();
        assertEquals(engineNames, List.copyOf(s.tasks().keySet()), "the config lists the engine's 18 tasks in order");
        for (Task t : Tasks.all()) {
            assertEquals(new RunSettings.TaskSize(t.rows(), t.cols()), s.tasks().get(t.name()), t.name());
        }
    }

    @Test
    void theJarCarriesTheRepositoryFile() throws IOException {
        RunSettings fromFile = RunSettings.load(REPO_FILE);
        RunSettings fromJar = RunSettings.loadDefault();
        assertEquals(fromFile.tasks(), fromJar.tasks());
        assertEquals(fromFile.seedsText(), fromJar.seedsText());
        assertEquals(fromFile.maxCalls(), fromJar.maxCalls());
        try (var in = RunSettings.class.getResourceAsStream(RunSettings.DEFAULT_RESOURCE)) {
            assertEquals(Files.readString(REPO_FILE), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "target/classes/configs/karel.json is stale: rebuild");
        }
    }

    @Test
    void brokenFilesNameFileFieldAndWhy(@TempDir Path dir) throws IOException {
        String good = Files.readString(REPO_FILE);
        assertEquals("F: field 'max_calls': must be a positive whole number, got \"many\"",
                error(good.replace("\"max_calls\": 10000", "\"max_calls\": \"many\"")));
        assertEquals("F: field 'max_calls': must be a positive whole number, got -5",
                error(good.replace("\"max_calls\": 10000", "\"max_calls\": -5")));
        assertEquals("F: field 'max_calls': missing", error(good.replace("\"max_calls\": 10000,", "")));
        assertEquals("F: field 'seeds': '0-30' lists 31 seeds but 'instances' is 32",
                error(good.replace("\"0-31\"", "\"0-30\"")));
        assertEquals("F: field 'seeds': range 31-0 is empty (its first seed is larger than its last)",
                error(good.replace("\"0-31\"", "\"31-0\"")));
        assertEquals("F: field 'crashable': only false is supported (the engine implements LLM-GS's non-crashable world)",
                error(good.replace("\"crashable\": false", "\"crashable\": true")));
        assertEquals("F: field 'leaps_behaviour': must be true or false, got \"yes\"",
                error(good.replace("\"leaps_behaviour\": true", "\"leaps_behaviour\": \"yes\"")));
        assertEquals("F: field 'tasks.Maze.rows': must be a positive whole number, got 8.5",
                error(good.replace("\"Maze\":               { \"rows\": 8,", "\"Maze\": { \"rows\": 8.5,")));
        assertEquals("F: field 'tasks.Maze.cols': missing",
                error(good.replace("\"Maze\":               { \"rows\": 8,  \"cols\": 8 }", "\"Maze\": { \"rows\": 8 }")));
        assertTrue(error(good.replace("\"instances\"", "\"instancez\"")).startsWith("F: field 'instancez': unknown field for the karel domain (known fields: "));
        assertTrue(error(good.replace("\"max_calls\": 10000,", "\"max_calls\": 10000")).startsWith("F:5:3: malformed JSON ("));
        assertTrue(error(good.replace("\"Snake\":", "\"Maze\":")).startsWith("F:"), "duplicate keys are an error");
        assertEquals("F: expected a JSON object at the top level", error("[1, 2]"));
        assertEquals("F: field 'tasks.DoorKey': 2 x 2 is not supported: the engine implements DoorKey at 8 x 8 only, as the reference does",
                error(good.replace("\"DoorKey\":            { \"rows\": 8,  \"cols\": 8 }", "\"DoorKey\": { \"rows\": 2, \"cols\": 2 }")));
        assertEquals("F: field 'tasks.WallAvoider': 5 x 8 is not supported: the engine implements WallAvoider at 8 x 5 only, "
                + "as the reference does",
                error(good.replace("\"WallAvoider\":        { \"rows\": 8,  \"cols\": 5 }", "\"WallAvoider\": { \"rows\": 5, \"cols\": 8 }")));
        assertTrue(error(good.replace("\"Snake\":", "\"Snaek\":"))
                .startsWith("F: field 'tasks.Snaek': unknown karel task 'Snaek' (known tasks: StairClimber, StairClimberSparse, Maze, "));

        Path missing = dir.resolve("missing.json");
        assertEquals(missing + ": no such file",
                assertThrows(ConfigException.class, () -> RunSettings.load(missing)).getMessage());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, good.replace("\"instances\": 32", "\"instances\": 0"));
        assertEquals(broken + ": field 'instances': must be a positive whole number, got 0",
                assertThrows(ConfigException.class, () -> RunSettings.load(broken)).getMessage());
    }

    @Test
    void aLeadingByteOrderMarkIsSkipped() throws IOException {
        RunSettings s = RunSettings.parse("\uFEFF" + Files.readString(REPO_FILE), "F");
        assertEquals(10_000, s.maxCalls());
        assertEquals(18, s.tasks().size());
    }

    @Test
    void aSubsetOfTheTaskTableIsFine() throws IOException {
        String one = "{\"max_calls\": 10000, \"instances\": 2, \"seeds\": \"0-1\", \"crashable\": false, "
                + "\"leaps_behaviour\": true, \"tasks\": {\"DoorKey\": {\"rows\": 8, \"cols\": 8}}}";
        assertEquals(List.of("DoorKey"), List.copyOf(RunSettings.parse(one, "F").tasks().keySet()));
    }

    private static String error(String json) {
        return assertThrows(ConfigException.class, () -> RunSettings.parse(json, "F")).getMessage();
    }

    @Test
    void theMiniGridSettingsShipWithTheReferencesValues() {
        RunSettings m = RunSettings.loadDefault("minigrid");
        assertEquals("minigrid", m.domain());
        assertEquals(1000, m.maxCalls());
        assertEquals(32, m.instances());
        assertEquals("0-31", m.seedsText());
        assertEquals(new RunSettings.TaskSize(6, 12), m.tasks().get("RedBlueDoor"));
        assertEquals("karel", RunSettings.loadDefault().domain());
    }

    @Test
    void eachDomainHasItsOwnFieldsAndTasks() {
        String minigrid = "{\"domain\": \"minigrid\", \"max_calls\": 1000, \"instances\": 1, \"seeds\": \"0\", "
                + "\"crashable\": false, \"crash_penalty\": 0.0, \"tasks\": {\"LavaGap\": {\"rows\": 6, \"cols\": 6}}}";
        assertEquals("minigrid", RunSettings.parse(minigrid, "F").domain());
        ConfigException leaps = assertThrows(ConfigException.class, () -> RunSettings.parse(
                minigrid.replace("\"crash_penalty\": 0.0", "\"leaps_behaviour\": true"), "F"));
        assertTrue(leaps.getMessage().startsWith("F: field 'leaps_behaviour': unknown field for the minigrid domain"),
                leaps.getMessage());
        ConfigException penalty = assertThrows(ConfigException.class, () -> RunSettings.parse(
                minigrid.replace("\"crash_penalty\": 0.0", "\"crash_penalty\": -1"), "F"));
        assertEquals("F: field 'crash_penalty': only 0.0 is supported (the reference's default), got -1", penalty.getMessage());
        ConfigException karelTask = assertThrows(ConfigException.class, () -> RunSettings.parse(
                minigrid.replace("LavaGap", "Maze"), "F"));
        assertEquals("F: field 'tasks.Maze': unknown minigrid task 'Maze' (known tasks: LavaGap, RedBlueDoor, PutNear)",
                karelTask.getMessage());
        ConfigException domain = assertThrows(ConfigException.class, () -> RunSettings.parse(
                minigrid.replace("\"minigrid\"", "\"atari\""), "F"));
        assertEquals("F: field 'domain': must be \"karel\" or \"minigrid\", got \"atari\"", domain.getMessage());
    }
}
