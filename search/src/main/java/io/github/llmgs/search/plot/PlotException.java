package io.github.llmgs.search.plot;

/**
 * Input that cannot be plotted (no runs, a curve.csv that does not parse, an unknown task, an
 * output folder that cannot be written): the message is one line a user can act on, with the
 * file and line where there is one.
 */
public final class PlotException extends RuntimeException {
    public PlotException(String message) {
        super(message, null, false, false);
    }
}
