package io.github.llmgs.search.cli;

import java.math.BigDecimal;
import java.math.MathContext;

/** Returns and scores for people: up to 12 significant digits, no float noise, no exponent. */
final class Numbers {
    private Numbers() {}

    static String fmt(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return Double.toString(x);
        if (x == 0) return "0.0";
        String s = new BigDecimal(x).round(new MathContext(12)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}
