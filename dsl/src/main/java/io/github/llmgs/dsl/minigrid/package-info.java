/**
 * The MiniGrid domain's words: its actions and features (two of which take an argument, written
 * {@code front_object_type h( ball h)}), each with its grammar weight, and the
 * {@link io.github.llmgs.dsl.minigrid.MiniGrid#VOCABULARY vocabulary} built from them
 * (spec/minigrid.md section 9, spec/search.md section 5).
 */
package io.github.llmgs.dsl.minigrid;
