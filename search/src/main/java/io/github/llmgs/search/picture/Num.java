package io.github.llmgs.search.picture;

import java.math.BigDecimal;
import java.math.MathContext;

/** Returns as eval prints them: up to 12 significant digits, no float noise, no exponent. */
public final class Num {
    private Num() {}

    public static String fmt(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return Double.toString(x);
        if (x == 0) return "0.0";
        String s = new BigDecimal(x).round(new MathContext(12)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}
