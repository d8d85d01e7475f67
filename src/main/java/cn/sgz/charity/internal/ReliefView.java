package cn.sgz.charity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A relief event. {@code total} is the sum of the per-person amounts; it counts toward indicators only
 * when the service record counts ({@code counts}), and {@code whyNot} says why when it does not.
 * {@code lines} is empty in lists.
 */
public record ReliefView(
        long id,
        long stationId,
        String stationName,
        String orgPath,
        long fundId,
        String fundName,
        long recordId,
        String title,
        LocalDate serviceDate,
        String plan,
        BigDecimal total,
        int recipientCount,
        boolean counts,
        boolean voided,
        List<String> whyNot,
        List<ReliefLineView> lines,
        long version) {

    /** The catalogs' standard for one relief event: 每次慈善救助资金≥1000元. */
    public static final BigDecimal STANDARD_PER_EVENT = new BigDecimal("1000");

    public boolean belowStandard() {
        return total.compareTo(STANDARD_PER_EVENT) < 0;
    }
}
