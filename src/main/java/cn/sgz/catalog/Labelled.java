package cn.sgz.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An enum constant of the catalog vocabulary with its Chinese label; files may use either. */
public interface Labelled {

    String name();

    String label();

    static <E extends Labelled> E parse(E[] values, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (E e : values) {
            if (e.name().equals(t.toUpperCase(Locale.ROOT)) || e.label().equals(t)) {
                return e;
            }
        }
        return null;
    }

    /** "ACTIVITY_COUNT（活动次数）、…" for error messages. */
    static String allowed(Labelled[] values) {
        return Arrays.stream(values).map(v -> v.name() + "（" + v.label() + "）").collect(Collectors.joining("、"));
    }
}
