package cn.sgz.shared.web;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list a phone reads (issue #16 item 6): the items of page {@code page} (0-based) of {@code size},
 * the number of pages and the total. For lists a service already answers whole and small within a user's scope
 * (a station's cases, groups, volunteers, relief events), filtered here by a date range; long lists (service
 * records, ledgers, audit) page in SQL instead.
 */
public record ListPage<T>(List<T> items, int page, int pages, int total) {

    /** Page {@code page} of {@code all}; a page past the end shows the last one. */
    public static <T> ListPage<T> of(List<T> all, int page, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int current = Math.min(Math.max(page, 0), pages - 1);
        int from = current * size;
        return new ListPage<>(
                List.copyOf(all.subList(from, Math.min(all.size(), from + size))), current, pages, all.size());
    }

    /** The items whose date lies in [from, to] (either end open); items without a date only when no range is set. */
    public static <T> List<T> between(List<T> all, Function<T, LocalDate> date, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return all;
        }
        return all.stream()
                .filter(t -> {
                    LocalDate d = date.apply(t);
                    return d != null && (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
                })
                .toList();
    }
}
