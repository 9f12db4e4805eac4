package io.github.llmgs.search.method;

/**
 * Scheduled Hill Climbing's neighbourhood size (spec/search.md section 3): k grows from k_start
 * to k_end along a sine of log10(n) / log10(N), where n is the programs evaluated so far.
 */
public record Schedule(int kStart, int kEnd, long budget) {
    public static Schedule paper(long budget) {
        return new Schedule(32, 2048, budget);
    }

    public int k(long evaluated) {
        if (evaluated <= 0) return kStart;
        if (evaluated >= budget) return kEnd;
        double r = Math.log10(evaluated) / Math.log10(budget);
        r = (Math.sin((2 * r - 1) * Math.PI / 2) + 1) / 2;
        double log2Start = Math.log(kStart) / Math.log(2), log2End = Math.log(kEnd) / Math.log(2);
        return (int) Math.ceil(Math.pow(2, log2Start + (log2End - log2Start) * r));
    }
}
