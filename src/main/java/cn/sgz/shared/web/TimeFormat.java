package cn.sgz.shared.web;

import cn.sgz.shared.ChinaTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * For templates: {@code ${@timeFormat.format(t, 'yyyy-MM-dd HH:mm')}} shows an instant in China time.
 * PostgreSQL hands timestamps back in UTC and H2 in the offset they were written with; people must
 * see the same local time on both.
 */
@Component("timeFormat")
public class TimeFormat {

    public String format(OffsetDateTime time, String pattern) {
        return time == null ? "" : time.atZoneSameInstant(ChinaTime.ZONE).format(DateTimeFormatter.ofPattern(pattern));
    }
}
