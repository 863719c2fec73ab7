package dev.baton.bench;

import java.util.Locale;

/** Number formats of the text output: thousands separated, a few significant digits. */
final class Text {

    private Text() {}

    static String count(double n) {
        return String.format(Locale.ROOT, "%,d", Math.round(n));
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, s < 10 ? "%.2f s" : "%.1f s", s);
    }

    static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : ms < 100 ? "%.1f ms" : "%,.0f ms", ms);
    }

    /** An option's value as given: 120, or 0.3. */
    static String plain(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, r < 0.1 ? "%.3fx" : "%.2fx", r);
    }

    /** A per-job figure such as transactions or microseconds; "-" when not measured. */
    static String figure(Double x) {
        if (x == null) {
            return "-";
        }
        return String.format(Locale.ROOT, x < 1 ? "%.3f" : x < 100 ? "%.1f" : "%,.0f", x);
    }
}
