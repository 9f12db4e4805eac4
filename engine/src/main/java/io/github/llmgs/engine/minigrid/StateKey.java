package io.github.llmgs.engine.minigrid;

import java.util.Arrays;

/**
 * The part of a world the reference's SHA-256 state hash covers (spec/minigrid.md section 8):
 * every cell's (type, colour, state), the agent position with its array/tuple representation,
 * and the direction. Not what is carried, the step count or any reward flag. Two keys are equal
 * exactly when the reference's two hashes are.
 */
public final class StateKey {
    private final byte[] bytes;
    private final int hash;

    private StateKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    static StateKey of(MiniGridWorld w) {
        int n = w.type.length;
        byte[] b = new byte[3 * n + 4];
        for (int c = 0; c < n; c++) {
            b[3 * c] = w.type[c];
            b[3 * c + 1] = w.color[c];
            b[3 * c + 2] = w.state[c];
        }
        b[3 * n] = (byte) w.agentX;
        b[3 * n + 1] = (byte) w.agentY;
        b[3 * n + 2] = (byte) w.agentDir;
        b[3 * n + 3] = (byte) (w.agentPosIsArray ? 1 : 0);
        return new StateKey(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
