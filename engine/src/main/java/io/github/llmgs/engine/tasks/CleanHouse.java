package io.github.llmgs.engine.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pick up the markers scattered through a fixed house map. The map and the candidate cells in
 * the reference's (Python set) order come from {@code cleanhouse_layout.json}. Params: [N0].
 */
public final class CleanHouse extends KarelTask {
    private static final Layout LAYOUT = Layout.load();

    public CleanHouse(boolean sparse) {
        super("CleanHouse", TaskKernel.CLEAN_HOUSE, 14, 22, sparse);
    }

    @Override
    public String description() {
        return "pick up the 10-11 markers scattered through a fixed house";
    }

    @Override
    public TaskInstance generate(int seed) {
        RandomState rng = new RandomState(Integer.toUnsignedLong(seed));
        InstanceBuilder b = new InstanceBuilder(rows(), cols());
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < cols(); c++) {
                if (LAYOUT.map[r].charAt(c) == '#') {
                    b.wall(r, c);
                }
            }
        }
        b.hero(LAYOUT.hero[0], LAYOUT.hero[1], LAYOUT.hero[2]);
        List<int[]> candidates = new ArrayList<>(LAYOUT.candidates);
        rng.shuffle(candidates);
        for (int i = 0; i < 10; i++) {
            b.addMarker(candidates.get(i)[0], candidates.get(i)[1]);
        }
        b.addMarker(LAYOUT.extraMarker[0], LAYOUT.extraMarker[1]);
        return b.build(name(), seed, b.markerTotal());
    }

    @Override
    public Reward newReward() {
        return new MarkerClearing(sparse());
    }

    private record Layout(String[] map, int[] hero, int[] extraMarker, List<int[]> candidates) {
        static Layout load() {
            try (InputStream in = CleanHouse.class.getResourceAsStream("cleanhouse_layout.json")) {
                if (in == null) {
                    throw new IllegalStateException("cleanhouse_layout.json missing from the classpath");
                }
                JsonNode root = new ObjectMapper().readTree(in);
                String[] map = new String[root.get("map").size()];
                for (int i = 0; i < map.length; i++) {
                    map[i] = root.get("map").get(i).asText();
                }
                List<int[]> candidates = new ArrayList<>();
                for (JsonNode c : root.get("candidates_before_shuffle")) {
                    candidates.add(new int[] {c.get(0).asInt(), c.get(1).asInt()});
                }
                return new Layout(map, ints(root.get("hero")), ints(root.get("extra_marker")), List.copyOf(candidates));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int[] ints(JsonNode array) {
            int[] out = new int[array.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = array.get(i).asInt();
            }
            return out;
        }
    }
}
