package cn.sgz.casework.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A proposed or confirmed 成功案例: a case ("CASE") or a group ("GROUP") of a station. */
public record ExemplaryView(
        long id,
        String ownerType,
        long ownerId,
        long stationId,
        String stationName,
        String title,
        String summary,
        ExemplaryStatus status,
        String proposedBy,
        OffsetDateTime proposedAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionNote,
        LocalDate confirmedOn) {

    public ExemplaryView withStationName(String name) {
        return new ExemplaryView(
                id,
                ownerType,
                ownerId,
                stationId,
                name,
                title,
                summary,
                status,
                proposedBy,
                proposedAt,
                decidedBy,
                decidedAt,
                decisionNote,
                confirmedOn);
    }

    public String ownerLabel() {
        return "CASE".equals(ownerType) ? "个案" : "小组";
    }

    public String ownerHref() {
        return "CASE".equals(ownerType) ? "/cases/" + ownerId : "/groups/" + ownerId;
    }
}
