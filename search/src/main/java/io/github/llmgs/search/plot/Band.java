package io.github.llmgs.search.plot;

/** What the shaded band around a method's mean curve shows; the figure's subtitle names it. */
public enum Band {
    /** The mean plus and minus the standard error of the mean (sample standard deviation over sqrt(seeds)). */
    STDERR("mean over seeds, band: ± standard error"),
    /** The lowest and the highest seed at each point. */
    MINMAX("mean over seeds, band: min to max");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
