package io.github.llmgs.llm.minigrid;

import io.github.llmgs.llm.TaskText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompt texts of the MiniGrid domain (spec/llm.md's contents, for spec/minigrid.md's three
 * tasks): the world with its actions and features, the DSL, the Python subset and its mapping,
 * and one description per task (map, start, goal, return). Positions are written (x, y): x the
 * column from the left, y the row from the top, as MiniGrid does.
 */
public final class MiniGridPrompts {
    private MiniGridPrompts() {}

    public static final String WORLD = """
            You write programs that control an agent in a MiniGrid world.

            The world is a grid of cells. Positions are written (x, y): x is the column counted from the left, \
            y the row counted from the top, both from 0. A cell is empty or holds one object: a wall (grey), \
            the goal (a green square), lava (red), a door (coloured, closed or open), a ball or a box \
            (coloured). The agent stands on a cell, faces east, south, west or north, and can carry one \
            object. A program runs once per episode on a map drawn at random for the task, so it must work \
            for every such map; its score is the mean return over many episodes. An episode also stops after \
            1000 actions and perceptions, and a while loop that comes back to a state it has already been in \
            stops the program.

            Actions (each one is a step of the episode and may earn reward):
            - left: turn 90 degrees to the left.
            - right: turn 90 degrees to the right.
            - forward: step one cell forward, if the cell in front is empty, the goal, lava or an open door; \
            stepping onto the goal or into lava ends the episode. Walls, closed doors, balls and boxes block.
            - pickup: pick up the ball, box or key in front, if the agent carries nothing.
            - drop: put the carried object on the cell in front, if that cell is empty.
            - toggle: open or close the door in front; toggling a box destroys it.

            Perceptions (true or false):
            - front_is_clear: the cell in front is empty, the goal, lava or an open door.
            - front_object_type(X): the cell in front holds an object of type X, one of lava, door, ball, box.
            - front_object_color(C): the object in front has colour C, one of red, blue (walls are grey, lava \
            is red, the goal is green).
            - is_carrying_object: the agent carries an object.
            """;

    public static final String GRAMMAR = """
            The DSL (tokens separated by single spaces):
              program    := DEF run m( stmts m)
              stmts      := stmt | stmt stmts
              stmt       := WHILE c( cond c) w( stmts w)
                          | IF c( cond c) i( stmts i)
                          | IFELSE c( cond c) i( stmts i) ELSE e( stmts e)
                          | REPEAT R=n r( stmts r)        (n a whole number from 0 to 19)
                          | action
              cond       := feature | not c( feature c)
              feature    := front_is_clear | is_carrying_object
                          | front_object_type h( type h)   (type one of lava door ball box)
                          | front_object_color h( color h) (color one of red blue)
              action     := left | right | forward | pickup | drop | toggle
            """;

    public static final String PYTHON_RULES = """
            The Python you write must stay inside this subset:
            - exactly one function, def run():, and nothing outside it;
            - inside it only calls of the actions and perceptions above, written with (), e.g. forward() or \
            front_is_clear(), and front_object_type("ball") or front_object_color("red") with one quoted \
            word; if and if/else; while; for i in range(n): with a whole number n from 0 to 19; not;
            - a condition is one perception call, or not and one perception call;
            - no other functions or calls, no variables or assignments, no True, False, break, continue, \
            return, elif, and, or, == or !=.
            """;

    public static final String CORRESPONDENCE = """
            How the Python maps to the DSL (s a statement list, b a perception):
            - def run(): s                 ->  DEF run m( s m)
            - while b: s                   ->  WHILE c( b c) w( s w)
            - if b: s                      ->  IF c( b c) i( s i)
            - if b: s1 else: s2            ->  IFELSE c( b c) i( s1 i) ELSE e( s2 e)
            - for i in range(n): s         ->  REPEAT R=n r( s r)
            - not b                        ->  not c( b c)
            - front_is_clear()             ->  front_is_clear  (the same for every action and for is_carrying_object)
            - front_object_type("ball")    ->  front_object_type h( ball h)  (and front_object_color h( red h))
            Statements one after the other become tokens one after the other.
            """;

    public static final String EXAMPLE_PYTHON = """
            def run():
                while not front_object_type("ball"):
                    if front_is_clear():
                        forward()
                    else:
                        right()
                pickup()
            """;

    /** The DSL translation of {@link #EXAMPLE_PYTHON}. */
    public static final String EXAMPLE_DSL = "DEF run m( WHILE c( not c( front_object_type h( ball h) c) c) w( "
            + "IFELSE c( front_is_clear c) i( forward i) ELSE e( right e) w) pickup m)";

    private static final Map<String, TaskText> TASKS = new LinkedHashMap<>();

    static {
        // each task's text is its own file, io/github/llmgs/llm/minigrid/tasks/<Task>.json
        for (String task : List.of("LavaGap", "RedBlueDoor", "PutNear")) TASKS.put(task, TaskText.load("minigrid", task));
    }

    /** The three tasks, in the reference's order. */
    public static List<String> taskNames() {
        return List.copyOf(TASKS.keySet());
    }

    /** A task's description; an unknown name lists the known ones. */
    public static TaskText task(String name) {
        TaskText t = TASKS.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown MiniGrid task '" + name + "'; known tasks: "
                    + String.join(", ", TASKS.keySet()));
        }
        return t;
    }
}
