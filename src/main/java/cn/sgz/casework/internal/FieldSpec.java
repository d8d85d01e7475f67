package cn.sgz.casework.internal;

import java.util.List;

/**
 * One field of a casework form: its key (API and storage), the Chinese label printed in the file,
 * how it is typed, whether it must be filled, its maximum length and, for choices, the options.
 */
public record FieldSpec(
        String key, String label, Kind kind, boolean required, int max, List<String> options, String hint) {

    public enum Kind {
        TEXT,
        TEXTAREA,
        DATE,
        NUMBER,
        SELECT
    }

    public FieldSpec {
        options = List.copyOf(options);
    }

    static FieldSpec text(String key, String label, boolean required) {
        return new FieldSpec(key, label, Kind.TEXT, required, 100, List.of(), null);
    }

    static FieldSpec area(String key, String label, boolean required, String hint) {
        return new FieldSpec(key, label, Kind.TEXTAREA, required, 3000, List.of(), hint);
    }

    static FieldSpec date(String key, String label) {
        return new FieldSpec(key, label, Kind.DATE, true, 10, List.of(), null);
    }

    static FieldSpec number(String key, String label, String hint) {
        return new FieldSpec(key, label, Kind.NUMBER, true, 3, List.of(), hint);
    }

    static FieldSpec select(String key, String label, String... options) {
        return new FieldSpec(key, label, Kind.SELECT, true, 50, List.of(options), null);
    }

    public boolean textarea() {
        return kind == Kind.TEXTAREA;
    }
}
