package io.github.llmgs.search.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed lists as users write them: {@code 0-31}, {@code 3}, {@code 0,2,5-7}. A seed is numpy's
 * {@code RandomState} seed, an unsigned 32-bit value; a list is non-empty and has no repeats (a
 * repeated instance would count twice in a program's mean return).
 */
public final class Seeds {
    public static final long MAX_SEED = 0xFFFFFFFFL;
    /** More instances than any run uses; keeps a typo like {@code 0-4294967295} from eating memory. */
    public static final int MAX_COUNT = 1 << 20;

    private static final Pattern ITEM = Pattern.compile("(\\d+)(?:\\s*-\\s*(\\d+))?");
    private static final String SYNTAX = "use e.g. 0-31, 3 or 0,2,5-7";

    private Seeds() {}

    /** Parses a seed list; a malformed one is an IllegalArgumentException with a one-line message. */
    public static long[] parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty seed list (" + SYNTAX + ")");
        }
        List<Long> seeds = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (String raw : text.split(",", -1)) {
            String item = raw.strip();
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException(item.isEmpty()
                        ? "empty item in seed list '" + text + "' (" + SYNTAX + ")"
                        : "'" + item + "' is not a seed or a range of seeds (" + SYNTAX + ")");
            }
            long low = seed(m.group(1));
            long high = m.group(2) == null ? low : seed(m.group(2));
            if (high < low) {
                throw new IllegalArgumentException("range " + item + " is empty (its first seed is larger than its last)");
            }
            if (seeds.size() + (high - low + 1) > MAX_COUNT) {
                throw new IllegalArgumentException("too many seeds in '" + text + "' (at most " + MAX_COUNT + ")");
            }
            for (long s = low; s <= high; s++) {
                if (!seen.add(s)) {
                    throw new IllegalArgumentException("seed " + s + " is listed twice");
                }
                seeds.add(s);
            }
        }
        long[] out = new long[seeds.size()];
        for (int i = 0; i < out.length; i++) out[i] = seeds.get(i);
        return out;
    }

    /** One seed, 0..2^32-1. */
    public static long parseOne(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d+")) {
            throw new IllegalArgumentException("'" + t + "' is not a seed (a whole number 0.." + MAX_SEED + ")");
        }
        return seed(t);
    }

    private static long seed(String digits) {
        // more than 10 digits is out of range whatever they are; avoids Long overflow
        if (digits.length() > 10 || Long.parseLong(digits) > MAX_SEED) {
            throw new IllegalArgumentException("seed " + digits + " is out of range (seeds are 0.." + MAX_SEED + ")");
        }
        return Long.parseLong(digits);
    }

    /** The shortest text that {@link #parse} turns back into these seeds, e.g. {@code 0-31}. */
    public static String format(long[] seeds) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < seeds.length) {
            int j = i;
            while (j + 1 < seeds.length && seeds[j + 1] == seeds[j] + 1) j++;
            if (sb.length() > 0) sb.append(',');
            sb.append(seeds[i]);
            if (j > i) sb.append(j == i + 1 ? "," : "-").append(seeds[j]);
            i = j + 1;
        }
        return sb.toString();
    }
}
