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

    /** One task's description. {@code sparseReturn} is set for tasks that have a Sparse variant. */
    private record TaskText(String map, String start, String goal, String denseReturn, String sparseReturn) {}

    private static final Map<String, TaskText> TASKS = new LinkedHashMap<>();

    private static final String CLEAN_HOUSE_MAP = String.join("\n",
            "######################",
            "#..##########.#......#",
            "#..#..........#####.##",
            "##.#................##",
            "##........#.........##",
            "###.#.###.#..###.#.###",
            "#...#...#....#...#..##",
            "#...#...#....#...#...#",
            "#...#...#....#...##..#",
            "#...#...##..##...##.##",
            "#...#...##..##...#..##",
            "#...#...##..##...#..##",
            "#...#...##..##...#..##",
            "######################");

    static {
        TASKS.put("StairClimber", new TaskText(
                "12 x 12 grid with walls on the whole border. Inside, walls form a staircase that rises from "
                        + "the bottom-left towards the top-right: the stair cells are the diagonal (10, 1), (9, 2), "
                        + "..., (1, 10), each one row higher and one column further right than the previous one, "
                        + "with wall to its right. To climb one step, go up one cell, then right one cell. The "
                        + "allowed area is the stair cells and the cell directly above each of them.",
                "a random stair cell, facing east.",
                "one marker lies on a random stair cell higher up than the agent. Reach the marker's cell.",
                "after each action the reward is how much closer (in Manhattan distance) the agent got to "
                        + "the marker, divided by the distance at the start; moving away gives a negative "
                        + "reward. Reaching the marker ends the episode, with a total of 1. Being on a cell "
                        + "outside the allowed area gives -1 and ends the episode.",
                "1 when the agent reaches the marker (the episode ends); -1 for being on a cell outside the "
                        + "allowed area (the episode ends); 0 for every other action."));
        TASKS.put("Maze", new TaskText(
                "8 x 8 grid holding a random maze: corridors one cell wide, everything else wall (the border "
                        + "included). There is exactly one path between any two free cells.",
                "the bottom-left cell of the maze, (6, 1), facing east.",
                "one marker lies on a random free cell of the maze. Reach the marker's cell.",
                "after each action the reward is how much closer (in Manhattan distance) the agent got to "
                        + "the marker, divided by the distance at the start; moving away gives a negative "
                        + "reward. Reaching the marker ends the episode, with a total of 1. Nothing gives -1 in "
                        + "this task.",
                "1 when the agent reaches the marker (the episode ends); 0 for every other action."));
        TASKS.put("FourCorners", new TaskText(
                "12 x 12 grid with walls on the whole border and an empty 10 x 10 interior with no markers.",
                "a random cell of the bottom row of the interior (row 10), facing east.",
                "put exactly one marker in each of the four corner cells of the interior: (1, 1), (1, 10), "
                        + "(10, 1) and (10, 10).",
                "0.25 each time one more corner holds a marker; the episode ends when all four do, with a "
                        + "total of 1. A marker on any other cell, or a second marker in a corner, gives -1 "
                        + "and ends the episode.",
                "1 when all four corners hold a marker (the episode ends); -1 for a marker on any other "
                        + "cell or a second marker in a corner (the episode ends); 0 for every other action."));
        TASKS.put("TopOff", new TaskText(
                "12 x 12 grid with walls on the whole border and an empty interior. On the bottom row of the "
                        + "interior (row 10), a random non-empty set of the cells from column 2 to column 10 "
                        + "hold one marker each; the other cells hold none.",
                "(10, 1), the bottom-left cell of the interior, facing east.",
                "top off every marked cell: add one marker to each cell that holds one, so that it holds "
                        + "exactly two, and put no marker anywhere else.",
                "with k the number of marked cells at the start, 1/k each time one more of them holds "
                        + "exactly two markers; the episode ends when all of them do, with a total of 1. "
                        + "Emptying a marked cell, putting a marker on an unmarked cell, or putting a third "
                        + "marker on a cell gives -1 and ends the episode.",
                "1 when every marked cell holds exactly two markers (the episode ends); -1 for emptying a "
                        + "marked cell, a marker on an unmarked cell or a third marker on a cell (the episode "
                        + "ends); 0 for every other action."));
        TASKS.put("Harvester", new TaskText(
                "8 x 8 grid with walls on the whole border; each of the 36 interior cells holds one marker.",
                "a random cell of the bottom row of the interior (row 6), facing east.",
                "pick up every marker.",
                "1/36 for each marker picked up; the episode ends when no marker is left, with a total of "
                        + "1. Putting a marker down gives -1 and ends the episode.",
                "1 when no marker is left (the episode ends); -1 for putting a marker down (the episode "
                        + "ends); 0 for every other action."));
        TASKS.put("CleanHouse", new TaskText(
                "14 x 22 grid with a fixed floor plan: rooms joined by doorways and corridors. Drawn below, "
                        + "row 0 on top, '#' a wall, '.' a free cell:\n" + CLEAN_HOUSE_MAP + "\n"
                        + "Ten markers lie on random free cells that touch a wall, and one more on (2, 12).",
                "(1, 13), facing south.",
                "pick up every marker.",
                "with N the number of markers at the start, 1/N for each marker picked up; the episode ends "
                        + "when no marker is left, with a total of 1. Putting a marker down gives -1 and ends "
                        + "the episode.",
                "1 when no marker is left (the episode ends); -1 for putting a marker down (the episode "
                        + "ends); 0 for every other action."));
        TASKS.put("DoorKey", new TaskText(
                "8 x 8 grid with walls on the whole border. Column 4 is a wall that splits the interior into "
                        + "a left room (columns 1 to 3) and a right room (columns 5 and 6). Two cells of that "
                        + "wall, (2, 4) and (3, 4), are a locked door. One marker (the key) lies on a random "
                        + "cell of the left room, another (the target) on a random cell of the right room.",
                "a random cell of the left room that has no marker, facing east.",
                "pick up the key, which opens the door (its two cells become free); then go through the "
                        + "door to the target and put one marker on it, so that it holds two.",
                "0.5 for picking up the key, 0.5 for putting the marker on the target, which ends the "
                        + "episode (total 1). While the door is locked, putting down any marker gives -1 and "
                        + "ends the episode. Once it is open, putting a marker on any cell other than the "
                        + "target, or picking up the target's marker, gives -1 and ends the episode. Every "
                        + "other action gives 0.",
                null));
        TASKS.put("OneStroke", new TaskText(
                "8 x 8 grid with walls on the whole border and an empty 6 x 6 interior (36 cells).",
                "a random interior cell, facing east.",
                "visit every interior cell. Each cell the agent leaves turns into a wall behind it, so the "
                        + "path can never come back to a cell.",
                "1/35 each time the agent steps into a new cell; the episode ends when it has entered all "
                        + "35 other cells, with a total of 1. Actions that leave the agent on its cell give 0. "
                        + "Nothing gives -1 in this task.",
                null));
        TASKS.put("Seeder", new TaskText(
                "8 x 8 grid with walls on the whole border, an empty 6 x 6 interior and no markers.",
                "a random interior cell in columns 2 to 5, facing east.",
                "put exactly one marker on every interior cell.",
                "1/36 for each marker put down; the episode ends when all 36 interior cells hold one, with "
                        + "a total of 1. A second marker on a cell, or picking a marker up, gives -1 and ends "
                        + "the episode.",
                null));
        TASKS.put("Snake", new TaskText(
                "8 x 8 grid with walls on the whole border and an empty 6 x 6 interior. One marker, the "
                        + "food, lies on a random interior cell.",
                "a random interior cell in columns 2 to 5, facing east. The agent is the head of a snake of "
                        + "length 2 whose body follows it; every body cell behind the head holds one marker.",
                "eat food by stepping onto its cell: the snake grows by one and a new food marker appears on "
                        + "a random free cell off the snake. Eat 20 pieces of food.",
                "1/20 for each piece of food eaten; the 20th ends the episode, with a total of 1. Moving the "
                        + "head onto the snake's own body gives -1 and ends the episode.",
                null));
        TASKS.put("WallAvoider", new TaskText(
                "8 rows x 5 columns with walls on the whole border, an empty 6 x 3 interior (rows 1 to 6, "
                        + "columns 1 to 3) and no markers.",
                "a random cell among rows 0 to 5 and columns 0 to 2, facing a random direction; the start "
                        + "can even be a border cell.",
                "put exactly one marker on every interior cell that does not touch the border wall (the "
                        + "four cells (2, 2), (3, 2), (4, 2), (5, 2)), and none on the interior cells next to "
                        + "the wall.",
                "1/4 for each marker put on one of those four cells; the episode ends when all four hold "
                        + "one, with a total of 1. A marker on an interior cell next to the wall, a second "
                        + "marker on a cell, or picking a marker up gives -1 and ends the episode.",
                null));
        TASKS.put("PathFollow", new TaskText(
                "8 x 8 grid with walls on the whole border and an empty interior. A path of markers, one per "
                        + "cell, leads from the bottom-left interior cell (6, 1) to the top-right one (1, 6), "
                        + "each step going up or right, in a random order: 11 markers.",
                "(6, 1), on the first marker, facing north.",
                "follow the path and pick up every marker.",
                "1/11 for each marker picked up; the episode ends when no marker is left, with a total of "
                        + "1. Putting a marker down, or standing on a cell that is neither on the path nor "
                        + "next to a path cell, gives -1 and ends the episode.",
                null));
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
            MiniGridPrompts.TaskText m = MiniGridPrompts.task(name);
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
            sb.append("Return: ").append(t.denseReturn()).append("\n\n");
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
