package cn.sgz.community;

import cn.sgz.community.internal.StationDocumentService;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community figures of one station for a date range, for periodic reports: community organisations and
 * volunteers (active at the range's end and new in it), and the hours volunteers served at activities
 * dated in the range (all, and those whose service record counts); and the station's document library
 * for evidence archives. The caller has checked the station is in the user's scope.
 */
@Service
public class CommunityFigures {

    @io.swagger.v3.oas.annotations.media.Schema(name = "CommunityFigures")
    public record Figures(
            long organisations,
            long organisationsNew,
            long backbones,
            long volunteers,
            long volunteersNew,
            BigDecimal volunteerHours,
            BigDecimal volunteerHoursCounting) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** One entry of the station's document library (制度上墙、台账 …) with its live photos' ids. */
    public record StationDocument(long id, String name, String note, String orgName, List<Long> photoIds) {}

    /** Owner type under which document photos are filed in the evidence module. */
    public static final String DOCUMENT_OWNER = StationDocumentService.OWNER_TYPE;

    private final JdbcClient jdbc;
    private final EvidenceService evidence;

    CommunityFigures(JdbcClient jdbc, EvidenceService evidence) {
        this.jdbc = jdbc;
        this.evidence = evidence;
    }

    @Transactional(readOnly = true)
    public Figures of(long stationId, LocalDate from, LocalDate to) {
        long orgs = count(
                "SELECT COUNT(*) FROM community_org WHERE station_id = ? AND founded_on <= ? "
                        + "AND (dissolved_on IS NULL OR dissolved_on > ?)",
                stationId,
                to,
                to);
        long orgsNew = count(
                "SELECT COUNT(*) FROM community_org WHERE station_id = ? AND founded_on >= ? AND founded_on <= ?",
                stationId,
                from,
                to);
        long backbones = count(
                "SELECT COUNT(*) FROM community_org_member m JOIN community_org o ON o.id = m.org_id "
                        + "WHERE m.station_id = ? AND m.backbone AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?) "
                        + "AND o.founded_on <= ? AND (o.dissolved_on IS NULL OR o.dissolved_on > ?)",
                stationId,
                to,
                to,
                to,
                to);
        long volunteers = count(
                "SELECT COUNT(*) FROM volunteer WHERE station_id = ? AND joined_on <= ? AND (left_on IS NULL OR left_on > ?)",
                stationId,
                to,
                to);
        long volunteersNew = count(
                "SELECT COUNT(*) FROM volunteer WHERE station_id = ? AND joined_on >= ? AND joined_on <= ?",
                stationId,
                from,
                to);
        BigDecimal[] hours = jdbc.sql(
                        "SELECT COALESCE(SUM(s.hours), 0), "
                                + "COALESCE(SUM(CASE WHEN r.qualification = 'COUNTS' THEN s.hours ELSE 0 END), 0) "
                                + "FROM volunteer_service s JOIN service_record r ON r.id = s.record_id "
                                + "WHERE s.station_id = ? AND r.status <> 'VOIDED' AND r.service_date >= ? AND r.service_date <= ?")
                .params(stationId, from, to)
                .query((rs, i) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                .single();
        return new Figures(
                orgs,
                orgsNew,
                backbones,
                volunteers,
                volunteersNew,
                hours[0].setScale(1, java.math.RoundingMode.HALF_UP),
                hours[1].setScale(1, java.math.RoundingMode.HALF_UP));
    }

    /** The station's documents (its own library and its organisations' rules), by name. */
    @Transactional(readOnly = true)
    public List<StationDocument> documents(long stationId) {
        List<StationDocument> docs = jdbc.sql(
                        "SELECT d.id, d.name, d.note, o.name FROM community_document d "
                                + "LEFT JOIN community_org o ON o.id = d.org_id WHERE d.station_id = ? ORDER BY o.name NULLS FIRST, d.name, d.id")
                .param(stationId)
                .query((rs, i) -> new StationDocument(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), List.of()))
                .list();
        return docs.stream()
                .map(d -> new StationDocument(
                        d.id(),
                        d.name(),
                        d.note(),
                        d.orgName(),
                        evidence.photosOf(DOCUMENT_OWNER, d.id()).stream()
                                .filter(p -> !p.removed())
                                .map(PhotoView::id)
                                .toList()))
                .toList();
    }

    private long count(String sql, Object... params) {
        Long n = jdbc.sql(sql).params(params).query(Long.class).single();
        return n == null ? 0 : n;
    }
}
