package cn.sgz.shared;

import java.time.ZoneId;

/**
 * Every station, bureau and worker is in China Standard Time, whatever zone the server runs in:
 * "today", service dates and photo capture times are all read in this zone.
 */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }
}
