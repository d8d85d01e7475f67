package cn.sgz.casework;

import cn.sgz.casework.internal.CaseworkExport;
import cn.sgz.casework.internal.GroupKind;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Casework as periodic reports and evidence archives need it: cases, groups and community services of
 * one station opened and closed in a date range, and the case and group files (the same Word documents
 * as the casework pages export, scoped and audited there). A case closes on its approved closure date;
 * a group or community service closes when its evaluation (评估总结) is written. Figures assume the
 * caller has checked the station is in the user's scope; the files check it themselves.
 */
@Service
public class CaseworkFigures {

    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseworkFigures")
    public record Figures(
            long casesOpened,
            long casesClosed,
            long casesOpenAtEnd,
            long groupsOpened,
            long groupsClosed,
            long communityOpened,
            long communityClosed) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);
    }

    /** A case, group or community service whose file an archive holds: kind is 个案, 小组 or 社区服务. */
    public record FileRef(String kind, long id, String code, String title, LocalDate openedOn) {}

    /** A generated Word file and its name. */
    public record File(String filename, byte[] bytes) {}

    private final JdbcClient jdbc;
    private final CaseworkExport export;

    CaseworkFigures(JdbcClient jdbc, CaseworkExport export) {
        this.jdbc = jdbc;
        this.export = export;
    }

    @Transactional(readOnly = true)
    public Figures of(long stationId, LocalDate from, LocalDate to) {
        long opened = count(
                "SELECT COUNT(*) FROM cw_case WHERE station_id = ? AND opened_on >= ? AND opened_on <= ?",
                stationId,
                from,
                to);
        long closed = count(
                "SELECT COUNT(*) FROM cw_case WHERE station_id = ? AND stage = 'CLOSED' "
                        + "AND closed_on >= ? AND closed_on <= ?",
                stationId,
                from,
                to);
        long open = count(
                "SELECT COUNT(*) FROM cw_case WHERE station_id = ? AND opened_on <= ? "
                        + "AND (stage <> 'CLOSED' OR closed_on IS NULL OR closed_on > ?)",
                stationId,
                to,
                to);
        return new Figures(
                opened,
                closed,
                open,
                groupsOpened(stationId, GroupKind.GROUP, from, to),
                groupsClosed(stationId, GroupKind.GROUP, from, to),
                groupsOpened(stationId, GroupKind.COMMUNITY, from, to),
                groupsClosed(stationId, GroupKind.COMMUNITY, from, to));
    }

    /** Cases, groups and community services of the station opened on or before {@code asOf}. */
    @Transactional(readOnly = true)
    public List<FileRef> files(long stationId, LocalDate asOf) {
        List<FileRef> cases = jdbc.sql("SELECT id, code, title, opened_on FROM cw_case WHERE station_id = ? "
                        + "AND opened_on <= ? ORDER BY opened_on, id")
                .params(stationId, asOf)
                .query((rs, i) -> new FileRef(
                        "个案", rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
                .list();
        List<FileRef> groups = jdbc.sql("SELECT id, kind, code, name, opened_on FROM cw_group WHERE station_id = ? "
                        + "AND opened_on <= ? ORDER BY kind DESC, opened_on, id")
                .params(stationId, asOf)
                .query((rs, i) -> new FileRef(
                        GroupKind.valueOf(rs.getString(2)).label(),
                        rs.getLong(1),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
        return java.util.stream.Stream.concat(cases.stream(), groups.stream()).toList();
    }

    /** The whole file of a case or group as Word (404 outside the user's scope; the export is audited). */
    public File word(FileRef ref) {
        CaseworkExport.Document d = "个案".equals(ref.kind())
                ? export.caseFile(ref.id(), null)
                : export.groupFile(
                        GroupKind.GROUP.label().equals(ref.kind()) ? GroupKind.GROUP : GroupKind.COMMUNITY,
                        ref.id(),
                        null,
                        null);
        return new File(d.filename(), d.bytes());
    }

    private long groupsOpened(long stationId, GroupKind kind, LocalDate from, LocalDate to) {
        return count(
                "SELECT COUNT(*) FROM cw_group WHERE station_id = ? AND kind = ? AND opened_on >= ? AND opened_on <= ?",
                stationId,
                kind.name(),
                from,
                to);
    }

    /** Evaluated groups whose evaluation form was written in the range (China time). */
    private long groupsClosed(long stationId, GroupKind kind, LocalDate from, LocalDate to) {
        return jdbc
                .sql("SELECT f.updated_at FROM cw_group g JOIN cw_form f ON f.owner_type = g.kind "
                        + "AND f.owner_id = g.id AND f.form_type = ? WHERE g.station_id = ? AND g.kind = ? "
                        + "AND g.stage = 'EVALUATED'")
                .params(kind.evaluationForm().name(), stationId, kind.name())
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class))
                .list()
                .stream()
                .map(t -> t.atZoneSameInstant(ChinaTime.ZONE).toLocalDate())
                .filter(d -> !d.isBefore(from) && !d.isAfter(to))
                .count();
    }

    private long count(String sql, Object... params) {
        Long n = jdbc.sql(sql).params(params).query(Long.class).single();
        return n == null ? 0 : n;
    }
}
