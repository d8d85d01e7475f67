package cn.sgz.recipient.internal;

import cn.sgz.recipient.RecipientCategory;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** One recipient_category row; flags are stored comma-wrapped (",A,B,") so one LIKE finds one flag. */
record CategoryRow(RecipientCategory category, String subtype, List<String> flags) {

    CategoryRow {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    String flagsColumn() {
        return flags.isEmpty() ? null : "," + String.join(",", flags) + ",";
    }

    static List<String> parseFlags(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(column.split(","))
                .filter(s -> !s.isBlank())
                .toList();
    }

    static <E extends Enum<E>> List<String> names(Collection<E> values) {
        return values == null
                ? List.of()
                : values.stream().sorted().map(Enum::name).collect(Collectors.toList());
    }
}
