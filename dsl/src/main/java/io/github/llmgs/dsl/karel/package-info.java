/**
 * The Karel domain's words: its actions and perceptions, each with its grammar weight, and the
 * {@link io.github.llmgs.dsl.karel.Karel#VOCABULARY vocabulary} built from them (spec/karel.md
 * section 1, spec/search.md section 1).
 */
package io.github.llmgs.dsl.karel;
