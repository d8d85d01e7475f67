package cn.sgz.casework.internal;

import java.time.LocalDate;
import java.util.Map;

/**
 * One session (节) of a case, group or community service: a service record of the activity module
 * plus its 过程记录表. {@code number} is 第N节 among the sessions that count (null when this one does
 * not), and {@code reason} says why it does not count.
 */
public record SessionView(
        long id,
        long recordId,
        Integer unitSeq,
        Integer number,
        LocalDate serviceDate,
        boolean counts,
        boolean voided,
        int attendees,
        int minAttendees,
        String reason,
        Map<String, String> values,
        String createdBy) {

    public String value(String key) {
        return values.getOrDefault(key, "");
    }

    public String countLabel() {
        if (voided) {
            return "已作废";
        }
        return counts ? "第" + number + "节（计入）" : "不计入";
    }
}
