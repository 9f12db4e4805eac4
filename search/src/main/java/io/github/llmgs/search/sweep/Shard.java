package io.github.llmgs.search.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * One of {@code count} parts of a sweep's planned runs: the runs at positions i (from 0, in the
 * plan's order tasks x methods x seeds) with {@code i mod count == index}. The split depends only
 * on the plan, never on what is finished, so every process that plans the same sweep agrees on
 * which runs are whose, and a run's result does not depend on the shard that made it (each run
 * is seeded by itself).
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1) throw new IllegalArgumentException("the shard count must be >= 1, got " + count);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("the shard index must be 0.." + (count - 1) + ", got " + index);
        }
    }

    /** {@code I/N}, as {@code --shard} takes it and {@link #toString} writes it. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2) throw new IllegalArgumentException("expected I/N (shard I of N, from 0), got '" + text + "'");
        int index, count;
        try {
            index = Integer.parseInt(parts[0].strip());
            count = Integer.parseInt(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected I/N with whole numbers (shard I of N, from 0), got '" + text + "'");
        }
        if (count < 1) throw new IllegalArgumentException("N must be >= 1, got '" + text + "'");
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("I must be 0.." + (count - 1) + " for N = " + count + ", got '" + text + "'");
        }
        return new Shard(index, count);
    }

    public boolean owns(int position) {
        return position % count == index;
    }

    /** The shard's part of {@code plan}, in the plan's order. */
    public <T> List<T> select(List<T> plan) {
        List<T> mine = new ArrayList<>();
        for (int i = index; i < plan.size(); i += count) mine.add(plan.get(i));
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
