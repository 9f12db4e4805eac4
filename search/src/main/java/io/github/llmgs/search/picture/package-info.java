/**
 * Episodes as pictures: {@link io.github.llmgs.search.picture.Animation} turns a task, a program
 * and a seed into an animated GIF or a PNG filmstrip (what {@code llmgs trace} writes and the
 * dashboard serves). A {@link io.github.llmgs.search.picture.Film} is the episode as data, one
 * {@link io.github.llmgs.search.picture.Frame} per executed action plus the start, from the same
 * oracle step logs as {@code eval --trace}; each domain draws its own worlds (package
 * {@code karel}, package {@code minigrid}), and the shared classes lay out captions and encode
 * with the JDK's image I/O.
 */
package io.github.llmgs.search.picture;
