package io.github.llmgs.llm;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.llm.minigrid.MiniGridPrompts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompts, written for this project: a system message describing the world, the actions,
 * the perceptions, the DSL and the Python subset; a user message describing one task (map, start,
 * goal, return) and asking for one short program. Contents follow spec/llm.md.
 *
 * <p>Coordinates in the task texts are (row, column), row 0 at the top, as in spec/karel.md.
 */
public final class Prompts {

    private Prompts() {}

    /** Karel's dense tasks, in the order the prompts list them; each one's text is its own file ({@link TaskText}). */
    private static final List<String> KAREL_TASKS = List.of("StairClimber", "Maze", "FourCorners", "TopOff", "Harvester",
            "CleanHouse", "DoorKey", "OneStroke", "Seeder", "Snake", "WallAvoider", "PathFollow");

    private static final Map<String, TaskText> TASKS = new LinkedHashMap<>();

    static {
        for (String task : KAREL_TASKS) TASKS.put(task, TaskText.load("karel", task));
    }

    private static final String WORLD = """
            You write programs that control an agent in a Karel world.

            The world is a grid of cells (the map). Row 0 is the top row; positions are written (row, column). \
            A cell is either a wall or free, and holds 0 to 10 markers; outside the grid counts as wall. The \
            agent stands on a free cell and faces north, east, south or west. A program runs once per episode \
            on a map drawn at random for the task, so it must work for every such map; its score is the mean \
            return over many episodes. An episode also stops after 10000 actions and perceptions, and a while \
            loop that comes back to a state it has already been in stops the program.

            Actions (each one is a step of the episode and may earn reward):
            - move: step one cell forward; if the cell ahead is a wall, the agent turns around instead.
            - turnLeft: turn 90 degrees to the left.
            - turnRight: turn 90 degrees to the right.
            - putMarker: put one marker on the agent's cell (nothing happens if it already holds 10).
            - pickMarker: pick up one marker from the agent's cell (nothing happens if it holds none).

            Perceptions (true or false):
            - frontIsClear: the cell in front of the agent is free.
            - leftIsClear: the cell to the agent's left is free.
            - rightIsClear: the cell to the agent's right is free.
            - markersPresent: the agent's cell holds at least one marker.
            - noMarkersPresent: the agent's cell holds no marker.
            """;

    private static final String GRAMMAR = """
            The DSL (tokens separated by single spaces):
              program    := DEF run m( stmts m)
              stmts      := stmt | stmt stmts
              stmt       := WHILE c( cond c) w( stmts w)
                          | IF c( cond c) i( stmts i)
                          | IFELSE c( cond c) i( stmts i) ELSE e( stmts e)
                          | REPEAT R=n r( stmts r)        (n a whole number from 0 to 19)
                          | action
              cond       := perception | not c( perception c)
              perception := frontIsClear | leftIsClear | rightIsClear | markersPresent | noMarkersPresent
              action     := move | turnLeft | turnRight | putMarker | pickMarker
            """;

    private static final String PYTHON_RULES = """
            The Python you write must stay inside this subset:
            - exactly one function, def run():, and nothing outside it;
            - inside it only calls of the actions and perceptions above, written with (), e.g. move() or \
            frontIsClear(); if and if/else; while; for i in range(n): with a whole number n from 0 to 19; not;
            - a condition is one perception call, or not and one perception call;
            - no other functions or calls, no variables or assignments, no True, False, break, continue, \
            return, elif, and, or, == or !=.
            """;

    private static final String CORRESPONDENCE = """
            How the Python maps to the DSL (s a statement list, b a perception):
            - def run(): s                 ->  DEF run m( s m)
            - while b: s                   ->  WHILE c( b c) w( s w)
            - if b: s                      ->  IF c( b c) i( s i)
            - if b: s1 else: s2            ->  IFELSE c( b c) i( s1 i) ELSE e( s2 e)
            - for i in range(n): s         ->  REPEAT R=n r( s r)
            - not b                        ->  not c( b c)
            - frontIsClear()               ->  frontIsClear  (the same for every perception and action)
            Statements one after the other become tokens one after the other.
            """;

    private static final String EXAMPLE_PYTHON = """
            def run():
                while frontIsClear():
                    if markersPresent():
                        pickMarker()
                    else:
                        putMarker()
                    move()
                for i in range(4):
                    turnLeft()
            """;

    /** The DSL translation of {@link #EXAMPLE_PYTHON} (a test checks the converter agrees). */
    static final String EXAMPLE_DSL = "DEF run m( WHILE c( frontIsClear c) w( IFELSE c( markersPresent c) "
            + "i( pickMarker i) ELSE e( putMarker e) move w) REPEAT R=4 r( turnLeft r) m)";

    static String examplePython() {
        return EXAMPLE_PYTHON;
    }

    /** What a system message says of one domain: its world, its Python subset and its DSL. */
    private record DomainText(String world, String pythonRules, String grammar, String correspondence,
                              String examplePython, String exampleDsl) {}

    private static final DomainText KAREL = new DomainText(WORLD, PYTHON_RULES, GRAMMAR, CORRESPONDENCE,
            EXAMPLE_PYTHON, EXAMPLE_DSL);
    private static final DomainText MINIGRID = new DomainText(MiniGridPrompts.WORLD, MiniGridPrompts.PYTHON_RULES,
            MiniGridPrompts.GRAMMAR, MiniGridPrompts.CORRESPONDENCE, MiniGridPrompts.EXAMPLE_PYTHON,
            MiniGridPrompts.EXAMPLE_DSL);

    /** The task names these prompts know: Karel's dense tasks and their Sparse variants, then MiniGrid's. */
    public static List<String> taskNames() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, TaskText> e : TASKS.entrySet()) {
            names.add(e.getKey());
            if (e.getValue().sparseReturn() != null) {
                names.add(e.getKey() + "Sparse");
            }
        }
        names.addAll(MiniGridPrompts.taskNames());
        return Collections.unmodifiableList(names);
    }

    /** The vocabulary a task's programs are written in, so answers are read in its domain's words. */
    public static Vocabulary vocabulary(String taskName) {
        return MiniGridPrompts.taskNames().contains(canonicalName(taskName)) ? Domains.MINIGRID : Domains.KAREL;
    }

    /** The canonical spelling of a task name (lookup is case-insensitive). */
    public static String canonicalName(String taskName) {
        for (String n : taskNames()) {
            if (n.equalsIgnoreCase(taskName == null ? "" : taskName.trim())) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown task '" + taskName + "'; known tasks: "
                + String.join(", ", taskNames()));
    }

    /** The system message followed by the user message for a task. */
    public static List<ChatMessage> forTask(String taskName, PromptMode mode) {
        String name = canonicalName(taskName);
        DomainText domain = vocabulary(name) == Domains.MINIGRID ? MINIGRID : KAREL;
        return List.of(ChatMessage.system(system(domain, mode)), ChatMessage.user(user(name, mode)));
    }

    /** Karel's system message: world, actions, perceptions, and the language(s) the mode uses. */
    public static String system(PromptMode mode) {
        return system(KAREL, mode);
    }

    private static String system(DomainText d, PromptMode mode) {
        StringBuilder sb = new StringBuilder(d.world()).append('\n');
        switch (mode) {
            case PYTHON_TO_DSL -> {
                sb.append(d.pythonRules()).append('\n').append(d.grammar()).append('\n').append(d.correspondence())
                        .append('\n').append("For example, this Python program\n```python\n")
                        .append(d.examplePython()).append("```\nis this DSL program\n```\n")
                        .append(d.exampleDsl()).append("\n```\n");
            }
            case PYTHON -> sb.append(d.pythonRules()).append('\n').append("For example:\n```python\n")
                    .append(d.examplePython()).append("```\n");
            case DSL -> sb.append(d.grammar()).append('\n').append("For example:\n```\n").append(d.exampleDsl())
                    .append("\n```\n");
            default -> throw new IllegalArgumentException("unknown prompt mode " + mode);
        }
        return sb.toString();
    }

    /** The user message: the task, then what to write. */
    public static String user(String taskName, PromptMode mode) {
        String name = canonicalName(taskName);
        StringBuilder sb = new StringBuilder();
        sb.append("Task: ").append(name).append("\n\n");
        if (vocabulary(name) == Domains.MINIGRID) {
            TaskText m = MiniGridPrompts.task(name);
            sb.append("Map: ").append(m.map()).append("\n\n");
            sb.append("Start: ").append(m.start()).append("\n\n");
            sb.append("Goal: ").append(m.goal()).append("\n\n");
            sb.append("Return: ").append(m.ret()).append("\n\n");
            return ask(sb, mode);
        }
        boolean sparse = name.endsWith("Sparse");
        TaskText t = TASKS.get(sparse ? name.substring(0, name.length() - "Sparse".length()) : name);
        sb.append("Map: ").append(t.map()).append("\n\n");
        sb.append("Start: ").append(t.start()).append("\n\n");
        sb.append("Goal: ").append(t.goal()).append("\n\n");
        if (sparse) {
            sb.append("Return (sparse reward: nothing is earned along the way, only at the end): ")
                    .append(t.sparseReturn()).append("\n\n");
        } else {
            sb.append("Return: ").append(t.ret()).append("\n\n");
        }
        return ask(sb, mode);
    }

    /** What to write, the same for every domain. */
    private static String ask(StringBuilder sb, PromptMode mode) {
        switch (mode) {
            case PYTHON_TO_DSL -> sb.append("Write one short Python program for this task, without comments, "
                    + "following the rules above. Then convert it to the DSL. Answer with the Python program "
                    + "in a ```python code block, followed by the DSL program in a second code block that "
                    + "starts with DEF run.");
            case PYTHON -> sb.append("Write one short Python program for this task, without comments, "
                    + "following the rules above. Answer with it in one ```python code block.");
            case DSL -> sb.append("Write one short DSL program for this task. Answer with it in one code "
                    + "block that starts with DEF run.");
            default -> throw new IllegalArgumentException("unknown prompt mode " + mode);
        }
        sb.append('\n');
        return sb.toString();
    }
}
