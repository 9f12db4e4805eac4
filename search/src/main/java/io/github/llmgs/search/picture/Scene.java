package io.github.llmgs.search.picture;

import java.awt.image.BufferedImage;

/**
 * A world as it stood at one frame, drawn only when a frame is written: an episode of thousands
 * of steps keeps small states, not thousands of images.
 */
public interface Scene {
    /** The world at {@code cell} pixels per cell: {@code cols * cell} by {@code rows * cell}. */
    BufferedImage draw(int cell);

    int rows();

    int cols();
}
