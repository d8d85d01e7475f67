package cn.sgz.shared.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum constant with its one Chinese label, shown in pages, exports, import templates and catalog files.
 * Files and requests may name a constant by its code (any case), its label or one of its {@link #synonyms()}
 * (earlier codes and labels, kept so that old files still load).
 */
public interface Labelled {

    String name();

    String label();

    /** Earlier codes and labels that still mean this constant; none by default. */
    default List<String> synonyms() {
        return List.of();
    }

    /** The constant whose code, label or synonym equals the text; null when none does. */
    static <E extends Labelled> E parse(E[] values, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        String upper = t.toUpperCase(Locale.ROOT);
        for (E e : values) {
            if (e.name().equals(upper) || e.label().equals(t)) {
                return e;
            }
        }
        for (E e : values) {
            for (String s : e.synonyms()) {
                if (s.equals(t) || s.equals(upper)) {
                    return e;
                }
            }
        }
        return null;
    }

    /** The constant of an enum type whose code, label or synonym equals the text; null when none does. */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text) {
        return parse(type.getEnumConstants(), text);
    }

    /** "ACTIVITY_COUNT（活动次数）、…" for error messages. */
    static String allowed(Labelled[] values) {
        return Arrays.stream(values).map(v -> v.name() + "（" + v.label() + "）").collect(Collectors.joining("、"));
    }
}
