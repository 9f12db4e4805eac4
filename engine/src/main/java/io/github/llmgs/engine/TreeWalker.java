package io.github.llmgs.engine;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.karel.Action;
import io.github.llmgs.dsl.karel.Perception;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The reference semantics of spec/karel.md section 3, written to be read beside the spec: a
 * recursive walk over the AST. It is the oracle for the bytecode VM and the OpenCL kernel, and it
 * compares WHILE state keys as the reference's digit strings, not as hashes.
 */
public final class TreeWalker {
    public static final int DEFAULT_MAX_CALLS = 10_000;

    private final int maxCalls;

    public TreeWalker() {
        this(DEFAULT_MAX_CALLS);
    }

    public TreeWalker(int maxCalls) {
        this.maxCalls = maxCalls;
    }

    public Episode run(Node.Program program, Task task, TaskInstance instance) {
        return run(program, task, instance, null);
    }

    public Episode run(Node.Program program, Task task, TaskInstance instance, StepLog log) {
        return play(program, task, instance, log).episode();
    }

    /** How the episode's run ended, as the VM and the kernel report it. */
    public ExitStatus exit(Node.Program program, Task task, TaskInstance instance) {
        return play(program, task, instance, null).exit();
    }

    /** The episode and how it ended, from one run. */
    public record Outcome(Episode episode, ExitStatus exit) {}

    public Outcome outcome(Node.Program program, Task task, TaskInstance instance) {
        Run run = play(program, task, instance, null);
        return new Outcome(run.episode(), run.exit());
    }

    /** The episode with its step log and final world, for {@code eval --trace} and test messages. */
    public Trace trace(Node.Program program, Task task, TaskInstance instance) {
        StringBuilder text = new StringBuilder();
        Run run = play(program, task, instance, StepLog.into(text));
        return new Trace(run.episode(), text.toString(), run.world);
    }

    private Run play(Node.Program program, Task task, TaskInstance instance, StepLog log) {
        Run run = new Run(task, instance, log);
        try {
            run.exec(program.body());
        } catch (EpisodeOver over) {
            // the reward function ended it or an action crashed the world
        }
        return run;
    }

    /** Thrown after an action whose reward said terminated, or that left the world crashed. */
    private static final class EpisodeOver extends RuntimeException {
        EpisodeOver() {
            super(null, null, false, false);
        }
    }

    private final class Run {
        final World world;
        final Reward reward;
        final StepLog log;
        final Map<Node.While, Set<String>> whileMemory = new IdentityHashMap<>();
        double ret;
        int steps;
        /** The world's first crash came from a WHILE seeing a state again (not from the call limit). */
        boolean whileRepeat;

        Run(Task task, TaskInstance instance, StepLog log) {
            this.world = new World(instance.rows(), instance.cols());
            world.load(instance, maxCalls);
            this.reward = task.newReward();
            reward.reset(instance, world);
            this.log = log;
        }

        Episode episode() {
            return new Episode(ret, steps, world.numCalls, world.crashed);
        }

        ExitStatus exit() {
            return whileRepeat ? ExitStatus.WHILE_REPEAT : world.crashed ? ExitStatus.CALL_LIMIT : ExitStatus.OK;
        }

        void exec(Node.Stmt s) {
            // a statement list is a right-nested chain as long as the list: loop along it, recurse only into bodies
            while (s instanceof Node.Concatenate c) {
                exec(c.first());
                s = c.rest();
            }
            if (s instanceof Node.Act a) {
                act(Action.of(a.action()));
            } else if (s instanceof Node.If i) {
                if (test(i.cond())) exec(i.body());
            } else if (s instanceof Node.Ite i) {
                if (test(i.cond())) exec(i.then());
                else exec(i.otherwise());
            } else if (s instanceof Node.Repeat r) {
                for (int k = 0; k < r.times().value(); k++) exec(r.body());
            } else if (s instanceof Node.While w) {
                loop(w);
            }
        }

        void loop(Node.While w) {
            Set<String> seen = whileMemory.computeIfAbsent(w, k -> new HashSet<>());
            while (true) {
                if (!test(w.cond())) return;
                if (!seen.add(world.stateDigits()) && !world.crashed) {
                    whileRepeat = true;
                    world.crashed = true;
                }
                if (world.crashed) return;
                exec(w.body());
            }
        }

        /** Evaluating a condition costs one call; {@code not} costs none of its own. */
        boolean test(Node.Cond c) {
            if (c instanceof Node.Not n) {
                return !test(n.feature());
            }
            Perception p = Perception.of(((Node.Feature) c).feature());
            world.countCall();
            boolean value = perceive(p);
            if (log != null) log.condition(p.token(), value, world);
            return value;
        }

        boolean perceive(Perception p) {
            return switch (p) {
                case FRONT_IS_CLEAR -> world.frontIsClear();
                case LEFT_IS_CLEAR -> world.leftIsClear();
                case RIGHT_IS_CLEAR -> world.rightIsClear();
                case MARKERS_PRESENT -> world.markersPresent();
                case NO_MARKERS_PRESENT -> world.noMarkersPresent();
            };
        }

        /** An action runs only in an uncrashed world; the reward follows it; then maybe the end. */
        void act(Action a) {
            if (world.crashed) return;
            world.countCall();
            switch (a) {
                case MOVE -> world.move();
                case TURN_LEFT -> world.turnLeft();
                case TURN_RIGHT -> world.turnRight();
                case PUT_MARKER -> world.putMarker();
                case PICK_MARKER -> world.pickMarker();
            }
            steps++;
            double r = reward.step(world);
            ret += r;
            if (log != null) log.action(a.token(), world, r, reward.terminated());
            if (reward.terminated() || world.crashed) throw new EpisodeOver();
        }
    }
}
