package io.github.llmgs.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptsTest {

    static final List<String> TASKS = List.of("StairClimber", "StairClimberSparse", "Maze", "MazeSparse",
            "FourCorners", "FourCornersSparse", "TopOff", "TopOffSparse", "Harvester", "HarvesterSparse",
            "CleanHouse", "CleanHouseSparse", "DoorKey", "OneStroke", "Seeder", "Snake", "WallAvoider", "PathFollow",
            "LavaGap", "RedBlueDoor", "PutNear");

    @Test
    void knowsEveryTaskOfTheEngine() {
        assertEquals(Set(TASKS), Set(Prompts.taskNames()));
    }

    private static java.util.Set<String> Set(List<String> l) {
        return new java.util.HashSet<>(l);
    }

    @Test
    void systemPromptCarriesWorldActionsPerceptionsGrammarCorrespondenceAndLimits() {
        String s = Prompts.system(PromptMode.PYTHON_TO_DSL);
        for (String must : new String[] {"grid", "wall", "turns around", "markers",
                "move", "turnLeft", "turnRight", "putMarker", "pickMarker",
                "frontIsClear", "leftIsClear", "rightIsClear", "markersPresent", "noMarkersPresent",
                "DEF run m( stmts m)", "IFELSE c( cond c) i( stmts i) ELSE e( stmts e)", "REPEAT R=n r( stmts r)",
                "not c( perception c)", "for i in range(n): s", "WHILE c( b c) w( s w)", "def run():",
                "no True, False, break, continue", "return, elif, and, or, == or !="}) {
            assertTrue(s.contains(must), "system prompt lacks: " + must);
        }
        assertFalse(Prompts.system(PromptMode.PYTHON).contains("REPEAT R=n"));
        assertFalse(Prompts.system(PromptMode.DSL).contains("def run():"));
    }

    @Test
    void userPromptForEveryTask() {
        for (String task : TASKS) {
            for (PromptMode mode : PromptMode.values()) {
                List<ChatMessage> m = Prompts.forTask(task, mode);
                assertEquals(2, m.size());
                assertEquals("system", m.get(0).role());
                assertEquals("user", m.get(1).role());
                String u = m.get(1).content();
                assertTrue(u.startsWith("Task: " + task + "\n"), u);
                for (String part : new String[] {"Map: ", "Start: ", "Goal: ", "Return"}) {
                    assertTrue(u.contains(part), task + " lacks " + part);
                }
                if (task.endsWith("Sparse")) {
                    assertTrue(u.contains("sparse reward"), task);
                }
            }
            String u = Prompts.user(task, PromptMode.PYTHON_TO_DSL);
            assertTrue(u.contains("Write one short Python program for this task, without comments"), u);
            assertTrue(u.contains("convert it to the DSL"), u);
        }
    }

    @Test
    void minusOneIsExplainedWhereItExists() {
        for (String task : List.of("StairClimber", "FourCorners", "TopOff", "Harvester", "CleanHouse", "DoorKey",
                "Seeder", "Snake", "WallAvoider", "PathFollow")) {
            assertTrue(Prompts.user(task, PromptMode.PYTHON).contains("-1"), task);
        }
        assertTrue(Prompts.user("Maze", PromptMode.PYTHON).contains("Nothing gives -1"));
        assertTrue(Prompts.user("OneStroke", PromptMode.PYTHON).contains("Nothing gives -1"));
    }

    @Test
    void unknownTaskListsTasksAndLookupIgnoresCase() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Prompts.forTask("Sokoban", PromptMode.PYTHON));
        assertTrue(e.getMessage().contains("unknown task 'Sokoban'"));
        assertTrue(e.getMessage().contains("DoorKey") && e.getMessage().contains("HarvesterSparse"));
        assertTrue(Prompts.user("doorkey", PromptMode.DSL).startsWith("Task: DoorKey"));
        assertThrows(IllegalArgumentException.class, () -> Prompts.forTask("DoorKeySparse", PromptMode.DSL));
    }

    @Test
    void promptModeNames() {
        assertEquals(PromptMode.PYTHON_TO_DSL, PromptMode.fromString("python-to-dsl"));
        assertEquals(PromptMode.DSL, PromptMode.fromString("DSL"));
        assertEquals(PromptMode.PYTHON, PromptMode.fromString("python"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PromptMode.fromString("java"))
                .getMessage().contains("python-to-dsl, python, dsl"));
    }

    @Test
    void miniGridPromptsSpeakMiniGridAndTheirExampleConverts() {
        List<ChatMessage> m = Prompts.forTask("LavaGap", PromptMode.PYTHON_TO_DSL);
        String system = m.get(0).content(), user = m.get(1).content();
        for (String must : new String[] {"MiniGrid", "left", "right", "forward", "pickup", "drop", "toggle",
                "front_is_clear", "front_object_type h( type h)", "front_object_color", "is_carrying_object",
                "front_object_type(\"ball\")", "1000 actions and perceptions"}) {
            assertTrue(system.contains(must), "system prompt lacks " + must);
        }
        for (String never : new String[] {"turnLeft", "frontIsClear", "Karel"}) {
            assertTrue(!system.contains(never), "a MiniGrid prompt mentions " + never);
        }
        assertTrue(user.startsWith("Task: LavaGap\n\nMap: 6 x 6 grid"), user);
        assertTrue(user.contains("Return: 1 for stepping onto the goal"), user);
        assertEquals(io.github.llmgs.dsl.Domains.MINIGRID, Prompts.vocabulary("putnear"));
        assertEquals(io.github.llmgs.dsl.Domains.KAREL, Prompts.vocabulary("DoorKey"));
        io.github.llmgs.dsl.Node.Program converted = PythonToDsl.convert(
                io.github.llmgs.llm.minigrid.MiniGridPrompts.EXAMPLE_PYTHON, io.github.llmgs.dsl.Domains.MINIGRID);
        assertEquals(io.github.llmgs.llm.minigrid.MiniGridPrompts.EXAMPLE_DSL, io.github.llmgs.dsl.Printer.print(converted));
        for (String task : List.of("RedBlueDoor", "PutNear")) {
            assertTrue(Prompts.forTask(task, PromptMode.DSL).get(1).content().contains("Task: " + task + "\n"));
        }
    }
}
