package cn.sgz.feedback.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working days are Monday to Friday (statutory holidays and make-up days are not modelled). */
final class WorkingDays {

    private WorkingDays() {}

    static LocalDate after(LocalDate start, int days) {
        LocalDate d = start;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}
