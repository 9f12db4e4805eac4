package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;

import java.util.ArrayList;
import java.util.List;

/**
 * One MiniGrid env during an episode (spec/minigrid.md sections 2, 4, 5, 8, 9): the grid as three
 * plain per-cell arrays (type, colour, door state, indexed {@code y * width + x}), the agent, what
 * it carries, the step count, the last step's outcome, and the task's own instance fields.
 * A kernel mirrors these fields one to one.
 */
public final class MiniGridWorld {
    /** Unit vectors by direction: 0 east, 1 south, 2 west, 3 north (y grows south). */
    public static final int[] DX = {1, 0, -1, 0};
    public static final int[] DY = {0, 1, 0, -1};
    /** A guard far above any real placement, so a broken generator fails instead of hanging. */
    private static final int MAX_PLACE_TRIES = 1_000_000;

    public final MiniGridTask task;
    public final int width;
    public final int height;
    public final int maxSteps;
    public final byte[] type;
    public final byte[] color;
    public final byte[] state;

    public int agentX;
    public int agentY;
    public int agentDir;
    /**
     * LavaGap stores its start position as a numpy array, whose str() differs from the tuple a
     * successful forward move stores; the state hash sees the difference (section 8).
     */
    public boolean agentPosIsArray;
    public int carryType = ObjectType.NONE;
    public int carryColor;
    public int stepCount;

    /** The last step's reward and terminated flag, after the task's override. */
    public double reward;
    public boolean terminated;

    public String mission = "";
    /** LavaGap: the gap in the lava column and the goal. */
    public int gapX, gapY, goalX, goalY;
    /** RedBlueDoor: where the two doors are. */
    public int redDoorX, redDoorY, blueDoorX, blueDoorY;
    /** PutNear: the object to move (where it was generated) and the box's generation position. */
    public int moveType, moveColor, moveX, moveY, targetType, targetColor, targetX, targetY;
    /** RedBlueDoor's "red reward given" and PutNear's "pickup reward given", cleared per episode. */
    public boolean rewardGiven;

    public MiniGridWorld(MiniGridTask task) {
        this.task = task;
        this.width = task.width();
        this.height = task.height();
        this.maxSteps = task.maxSteps();
        int n = width * height;
        this.type = new byte[n];
        this.color = new byte[n];
        this.state = new byte[n];
        java.util.Arrays.fill(type, (byte) ObjectType.EMPTY);
        agentX = -1;
        agentY = -1;
    }

    /** The state right after {@code reset(seed)}: a fresh generator seeded with the instance seed. */
    public static MiniGridWorld generate(MiniGridTask task, long seed) {
        return generate(task, new Generator(seed));
    }

    /** As {@link #generate(MiniGridTask, long)} from a generator already seeded (e.g. one logging its calls). */
    public static MiniGridWorld generate(MiniGridTask task, Generator rng) {
        MiniGridWorld w = new MiniGridWorld(task);
        task.generate(w, rng);
        return w;
    }

    /** Makes this world a copy of {@code from} (same task), without allocating. */
    public void copyFrom(MiniGridWorld from) {
        if (from.task != task) {
            throw new IllegalArgumentException("copyFrom: " + from.task.name() + " into a " + task.name() + " world");
        }
        System.arraycopy(from.type, 0, type, 0, type.length);
        System.arraycopy(from.color, 0, color, 0, color.length);
        System.arraycopy(from.state, 0, state, 0, state.length);
        agentX = from.agentX;
        agentY = from.agentY;
        agentDir = from.agentDir;
        agentPosIsArray = from.agentPosIsArray;
        carryType = from.carryType;
        carryColor = from.carryColor;
        stepCount = from.stepCount;
        reward = from.reward;
        terminated = from.terminated;
        mission = from.mission;
        gapX = from.gapX; gapY = from.gapY; goalX = from.goalX; goalY = from.goalY;
        redDoorX = from.redDoorX; redDoorY = from.redDoorY; blueDoorX = from.blueDoorX; blueDoorY = from.blueDoorY;
        moveType = from.moveType; moveColor = from.moveColor; moveX = from.moveX; moveY = from.moveY;
        targetType = from.targetType; targetColor = from.targetColor; targetX = from.targetX; targetY = from.targetY;
        rewardGiven = from.rewardGiven;
    }

    public MiniGridWorld copy() {
        MiniGridWorld w = new MiniGridWorld(task);
        w.copyFrom(this);
        return w;
    }

    // ---- cells ----

    public int cell(int x, int y) {
        return y * width + x;
    }

    public int typeAt(int x, int y) {
        return type[cell(x, y)];
    }

    public int colorAt(int x, int y) {
        return color[cell(x, y)];
    }

    public int stateAt(int x, int y) {
        return state[cell(x, y)];
    }

    public void put(int x, int y, int objType, int objColor, int objState) {
        int c = cell(x, y);
        type[c] = (byte) objType;
        color[c] = (byte) objColor;
        state[c] = (byte) objState;
    }

    /** An empty cell encodes as (1, 0, 0). */
    public void clear(int x, int y) {
        put(x, y, ObjectType.EMPTY, 0, 0);
    }

    public boolean isEmpty(int x, int y) {
        return typeAt(x, y) == ObjectType.EMPTY;
    }

    public boolean isDoorOpen(int x, int y) {
        return typeAt(x, y) == ObjectType.DOOR && stateAt(x, y) == ObjectType.DOOR_OPEN;
    }

    public int frontX() {
        return agentX + DX[agentDir];
    }

    public int frontY() {
        return agentY + DY[agentDir];
    }

    // ---- generation helpers (minigrid's Grid and MiniGridEnv methods) ----

    /** {@code grid.wall_rect}: the outline of a w x h rectangle. */
    public void wallRect(int x, int y, int w, int h) {
        for (int i = 0; i < w; i++) {
            put(x + i, y, ObjectType.WALL, Color.GREY, 0);
            put(x + i, y + h - 1, ObjectType.WALL, Color.GREY, 0);
        }
        for (int j = 0; j < h; j++) {
            put(x, y + j, ObjectType.WALL, Color.GREY, 0);
            put(x + w - 1, y + j, ObjectType.WALL, Color.GREY, 0);
        }
    }

    /** Rejection test of {@code place_obj}'s {@code reject_fn}. */
    @FunctionalInterface
    public interface Reject {
        boolean test(int x, int y);
    }

    /**
     * {@code place_obj} without the object: draws x then y until the cell is empty, is not the
     * agent and passes {@code reject}; every try costs two draws. Returns the cell index.
     */
    public int placeObj(Generator rng, int topX, int topY, int sizeX, int sizeY, Reject reject) {
        topX = Math.max(topX, 0);
        topY = Math.max(topY, 0);
        for (int tries = 0; tries < MAX_PLACE_TRIES; tries++) {
            int x = rng.randInt(topX, Math.min(topX + sizeX, width));
            int y = rng.randInt(topY, Math.min(topY + sizeY, height));
            if (!isEmpty(x, y) || (x == agentX && y == agentY) || (reject != null && reject.test(x, y))) {
                continue;
            }
            return cell(x, y);
        }
        throw new IllegalStateException("place_obj found no free cell in " + MAX_PLACE_TRIES + " tries");
    }

    /** {@code place_obj} over the whole grid, walls included in the drawn range. */
    public int placeObj(Generator rng, Reject reject) {
        return placeObj(rng, 0, 0, width, height, reject);
    }

    /** {@code place_agent}: position as place_obj (agent moved off the grid first), then a direction. */
    public void placeAgent(Generator rng, int topX, int topY, int sizeX, int sizeY) {
        agentX = -1;
        agentY = -1;
        int c = placeObj(rng, topX, topY, sizeX, sizeY, null);
        agentX = c % width;
        agentY = c / width;
        agentDir = rng.randInt(0, 4);
    }

    // ---- perceptions (section 7; the wrapper counts the calls) ----

    /** Nothing in front, or something the agent may stand on: lava, goal and open doors are clear. */
    public boolean frontIsClear() {
        int c = cell(frontX(), frontY());
        return ObjectType.canOverlap(type[c], state[c]);
    }

    /** An object in front whose type is {@code objType} (-1 never matches). */
    public boolean frontObjectType(int objType) {
        int t = type[cell(frontX(), frontY())];
        return t != ObjectType.EMPTY && t == objType;
    }

    /** An object in front whose colour is {@code objColor}: walls are grey, lava red, the goal green. */
    public boolean frontObjectColor(int objColor) {
        int c = cell(frontX(), frontY());
        return type[c] != ObjectType.EMPTY && color[c] == objColor;
    }

    public boolean isCarryingObject() {
        return carryType != ObjectType.NONE;
    }

    public boolean sense(Feature feature, int argument) {
        return switch (feature) {
            case FRONT_IS_CLEAR -> frontIsClear();
            case FRONT_OBJECT_TYPE -> frontObjectType(argument);
            case FRONT_OBJECT_COLOR -> frontObjectColor(argument);
            case IS_CARRYING_OBJECT -> isCarryingObject();
        };
    }

    // ---- step (sections 5 and 6) ----

    /** One env step with the task's reward override; sets {@link #reward} and {@link #terminated}. */
    public double step(Action action) {
        task.step(this, action);
        return reward;
    }

    /**
     * minigrid's base {@code step}: the step count first (the goal reward sees the new count),
     * then the action. Sets {@link #reward} and {@link #terminated}; truncation is not modelled
     * because the wrapper ignores it.
     */
    public void baseStep(Action action) {
        stepCount++;
        reward = 0.0;
        terminated = false;
        int fx = frontX();
        int fy = frontY();
        int f = cell(fx, fy);
        switch (action) {
            case LEFT -> agentDir = (agentDir + 3) & 3;
            case RIGHT -> agentDir = (agentDir + 1) & 3;
            case FORWARD -> forward(fx, fy, f);
            case PICKUP -> pickup(fx, fy, f);
            case DROP -> drop(fx, fy, f);
            case TOGGLE -> toggle(fx, fy, f);
        }
    }

    private void forward(int fx, int fy, int f) {
        if (ObjectType.canOverlap(type[f], state[f])) {
            agentX = fx;
            agentY = fy;
            agentPosIsArray = false;
        }
        if (type[f] == ObjectType.GOAL) {
            terminated = true;
            reward = goalReward();
        } else if (type[f] == ObjectType.LAVA) {
            terminated = true;
        }
    }

    /** {@code _reward()}: evaluated as written, division first. */
    public double goalReward() {
        return 1 - 0.9 * ((double) stepCount / maxSteps);
    }

    private void pickup(int fx, int fy, int f) {
        if (ObjectType.canPickup(type[f]) && carryType == ObjectType.NONE) {
            carryType = type[f];
            carryColor = color[f];
            clear(fx, fy);
        }
    }

    private void drop(int fx, int fy, int f) {
        if (type[f] == ObjectType.EMPTY && carryType != ObjectType.NONE) {
            put(fx, fy, carryType, carryColor, 0);
            carryType = ObjectType.NONE;
            carryColor = 0;
        }
    }

    private void toggle(int fx, int fy, int f) {
        switch (type[f]) {
            case ObjectType.DOOR -> toggleDoor(f);
            // a box is replaced by its content, which is always nothing here
            case ObjectType.BOX -> clear(fx, fy);
            default -> { }
        }
    }

    private void toggleDoor(int f) {
        if (state[f] == ObjectType.DOOR_LOCKED) {
            if (carryType == ObjectType.KEY && carryColor == color[f]) {
                state[f] = ObjectType.DOOR_OPEN;
            }
        } else {
            state[f] = (byte) (state[f] == ObjectType.DOOR_OPEN ? ObjectType.DOOR_CLOSED : ObjectType.DOOR_OPEN);
        }
    }

    // ---- state hash and rendering ----

    /** What the reference's state hash distinguishes (section 8); equal keys = equal hashes. */
    public StateKey stateKey() {
        return StateKey.of(this);
    }

    /** What the agent carries as the traces write it: {@code "type:color"}, or null. */
    public String carryingText() {
        return carryType == ObjectType.NONE ? null : ObjectType.name(carryType) + ":" + Color.name(carryColor);
    }

    /** Two characters per cell, one string per row, agent not drawn: the vectors' {@code grid}. */
    public List<String> render() {
        List<String> rows = new ArrayList<>(height);
        for (int y = 0; y < height; y++) {
            StringBuilder row = new StringBuilder(2 * width);
            for (int x = 0; x < width; x++) {
                appendGlyph(row, cell(x, y));
            }
            rows.add(row.toString());
        }
        return rows;
    }

    private void appendGlyph(StringBuilder out, int c) {
        if (type[c] == ObjectType.EMPTY) {
            out.append("..");
        } else {
            out.append(ObjectType.glyph(type[c], state[c])).append(Color.glyph(color[c]));
        }
    }

    /** The grid with the agent drawn as {@code >>, vv, <<, ^^}, plus a line of agent state, for failure messages. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        char arrow = ">v<^".charAt(agentDir & 3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (x == agentX && y == agentY) {
                    out.append(arrow).append(arrow);
                } else {
                    appendGlyph(out, cell(x, y));
                }
            }
            out.append('\n');
        }
        out.append(String.format("agent (%d,%d) dir %d%s", agentX, agentY, agentDir, agentPosIsArray ? " (array)" : ""));
        if (agentX >= 0 && agentY >= 0 && agentX < width && agentY < height && !isEmpty(agentX, agentY)) {
            out.append(" on ");
            appendGlyph(out, cell(agentX, agentY));
        }
        out.append(" carrying ").append(carryingText()).append(" step ").append(stepCount);
        return out.toString();
    }
}
