/**
 * What every domain shares: the program shapes ({@link io.github.llmgs.dsl.Node}), the parser and
 * printer driven by a {@link io.github.llmgs.dsl.Vocabulary}, the search-space limits, the
 * probabilistic grammar and mutation, and (in {@code bytecode}) the one opcode format. Each
 * domain's words are in its own package ({@code karel}, {@code minigrid}), listed by
 * {@link io.github.llmgs.dsl.Domains}.
 */
package io.github.llmgs.dsl;
