/**
 * The MiniGrid domain of LLM-GS, exact to the reference (spec/minigrid.md): numpy's seeding and
 * {@code Generator.integers} ({@link io.github.llmgs.engine.minigrid.SeedSequence},
 * {@link io.github.llmgs.engine.minigrid.Pcg64}, {@link io.github.llmgs.engine.minigrid.Generator}),
 * the world with its base step, perceptions, state key and glyph rendering
 * ({@link io.github.llmgs.engine.minigrid.MiniGridWorld}), the tasks
 * ({@link io.github.llmgs.engine.minigrid.LavaGap}, {@link io.github.llmgs.engine.minigrid.RedBlueDoor},
 * {@link io.github.llmgs.engine.minigrid.PutNear}), and the wrapper's call, crash and reward rules
 * ({@link io.github.llmgs.engine.minigrid.ProgramWrapper}) that an interpreter drives.
 *
 * <p>An interpreter resets a wrapper, then walks the program: an action node calls
 * {@code act}, a feature leaf {@code sense}, a WHILE head (after its condition held)
 * {@code whileHeadRepeats} with that node's history (emptied once per episode, not per entry).
 * It stops as soon as {@code over()} is true and reads {@code result()}.
 *
 * <p>{@link io.github.llmgs.engine.minigrid.MiniGridConformance} holds all of it to the vectors;
 * its episodes run on a {@link io.github.llmgs.engine.minigrid.MiniGridEpisodes} backend: the oracle
 * ({@link io.github.llmgs.engine.minigrid.MiniGridReference}) or the shared bytecode VM
 * ({@link io.github.llmgs.engine.minigrid.MiniGridCpu} over {@link io.github.llmgs.engine.minigrid.MiniGridVmWorld}:
 * action ids and conditions instead of nodes, the VM's WHILE memory instead of per-node histories).
 * {@link io.github.llmgs.engine.minigrid.MiniGridWalker} stays the oracle both are tested against.
 */
package io.github.llmgs.engine.minigrid;
