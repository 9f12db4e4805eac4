package io.github.llmgs.dsl;

import io.github.llmgs.dsl.karel.Karel;
import io.github.llmgs.dsl.minigrid.MiniGrid;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The registry of domains, by the name users type. A new domain is a package beside
 * {@code karel} and {@code minigrid} with its vocabulary, and one entry here.
 */
public final class Domains {
    public static final Vocabulary KAREL = Karel.VOCABULARY;
    public static final Vocabulary MINIGRID = MiniGrid.VOCABULARY;

    private static final List<Vocabulary> ALL = List.of(KAREL, MINIGRID);

    private Domains() {}

    /** Every domain, Karel (the default) first. */
    public static List<Vocabulary> all() {
        return ALL;
    }

    /** The domain called {@code name}; an unknown name is a one-line error listing the known ones. */
    public static Vocabulary named(String name) {
        for (Vocabulary v : ALL) {
            if (v.domain().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown domain '" + name + "'; known: " + names());
    }

    public static String names() {
        return ALL.stream().map(Vocabulary::domain).collect(Collectors.joining(", "));
    }

    /** The domains other than {@code v} that own {@code token}: for an error that says where a stray word belongs. */
    static List<Vocabulary> owning(String token, Vocabulary v) {
        return ALL.stream().filter(o -> o != v && o.owns(token)).toList();
    }
}
