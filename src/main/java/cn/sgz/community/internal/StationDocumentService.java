package cn.sgz.community.internal;

import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.catalog.RuleKind;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.EvidenceChanged;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.PhotoUpload;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.UploadResult;
import cn.sgz.org.OrgUnitView;
import cn.sgz.progress.DocumentFactSource;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The station document library: rules on the wall (制度上墙), the organisation chart, plans and other papers the
 * catalogs ask for, each a named entry with photos; and an organisation's own rules (entries with an orgId).
 * A station has a document when an entry with exactly that name has at least one photo.
 */
@Service
public class StationDocumentService {

    /** Owner type under which document photos are filed in the evidence module. */
    public static final String OWNER_TYPE = "COMMUNITY_DOCUMENT";

    /**
     * @param periodFrom with periodTo: the period the document is for (季度需求报告 of one quarter); both empty for a
     *     standing document (制度上墙), which a periodic indicator counts in the sub-period it was filed in
     * @param domain the service domain it is for (null: any)
     */
    public record DocumentForm(
            Long stationId,
            Long orgId,
            String name,
            String note,
            java.time.LocalDate periodFrom,
            java.time.LocalDate periodTo,
            cn.sgz.shared.vocabulary.LedgerDomain domain) {

        public DocumentForm(Long stationId, Long orgId, String name, String note) {
            this(stationId, orgId, name, note, null, null, null);
        }
    }

    public record DocumentView(
            long id,
            long stationId,
            Long orgId,
            String name,
            String note,
            int photoCount,
            List<Long> photoIds,
            java.time.LocalDate periodFrom,
            java.time.LocalDate periodTo,
            cn.sgz.shared.vocabulary.LedgerDomain domain) {

        /** 2026年第一季度-style text of the period, or null for a standing document. */
        public String periodLabel() {
            return periodFrom == null ? null : periodFrom + " 至 " + periodTo;
        }
    }

    /**
     * One name the station's projects require. {@code keptElsewhere}: another module (case files, charity …)
     * keeps documents of that name too; {@code present} is the union, as the indicator engine sees it.
     */
    public record ChecklistEntry(
            String name,
            List<String> indicators,
            boolean present,
            boolean inLibrary,
            boolean keptElsewhere,
            Long documentId) {}

    private final JdbcClient jdbc;
    private final CommunityAccess access;
    private final EvidenceService evidence;
    private final ProjectQueries projects;
    private final ObjectProvider<DocumentFactSource> documentSources;
    private final ApplicationEventPublisher events;

    StationDocumentService(
            JdbcClient jdbc,
            CommunityAccess access,
            EvidenceService evidence,
            ProjectQueries projects,
            ObjectProvider<DocumentFactSource> documentSources,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.evidence = evidence;
        this.projects = projects;
        this.documentSources = documentSources;
        this.events = events;
    }

    private record Row(
            long id,
            long stationId,
            String orgPath,
            Long orgId,
            String name,
            String note,
            int photoCount,
            java.time.LocalDate periodFrom,
            java.time.LocalDate periodTo,
            String domain) {}

    private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("station_id"),
                rs.getString("org_path"),
                rs.getObject("org_id", Long.class),
                rs.getString("name"),
                rs.getString("note"),
                rs.getInt("photo_count"),
                rs.getObject("period_from", java.time.LocalDate.class),
                rs.getObject("period_to", java.time.LocalDate.class),
                rs.getString("domain"));
    }

    /** The station's own library (entries not belonging to an organisation), by name. */
    @Transactional(readOnly = true)
    public List<DocumentView> list(long stationId) {
        access.station(stationId);
        return views(jdbc.sql("SELECT * FROM community_document WHERE station_id = ? AND org_id IS NULL ORDER BY name")
                .param(stationId)
                .query(StationDocumentService::map)
                .list());
    }

    /** An organisation's rules and papers (the caller has checked the organisation). */
    @Transactional(readOnly = true)
    public List<DocumentView> ofOrg(long orgId) {
        return views(jdbc.sql("SELECT * FROM community_document WHERE org_id = ? ORDER BY id")
                .param(orgId)
                .query(StationDocumentService::map)
                .list());
    }

    @Transactional(readOnly = true)
    public DocumentView get(long id) {
        return views(List.of(visible(id))).get(0);
    }

    @Transactional
    public DocumentView create(DocumentForm form) {
        access.requireWriter();
        DocumentForm f = form == null ? new DocumentForm(null, null, null, null) : form;
        OrgUnitView station = access.station(f.stationId());
        Checks c = new Checks();
        String name = c.text(f.name(), "name", "资料名称", 100, true);
        String note = c.text(f.note(), "note", "说明", 500, false);
        if (f.orgId() != null) {
            Long orgStation = jdbc.sql("SELECT station_id FROM community_org WHERE id = ?")
                    .param(f.orgId())
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (orgStation == null || orgStation != station.id()) {
                c.add("orgId", "所属组织：该组织不属于本社工站");
            }
        }
        if ((f.periodFrom() == null) != (f.periodTo() == null)) {
            c.add(f.periodFrom() == null ? "periodFrom" : "periodTo", "资料所属期间：请同时填写开始和结束日期，或都不填（长期有效的资料）");
        } else if (f.periodFrom() != null && f.periodTo().isBefore(f.periodFrom())) {
            c.add("periodTo", "资料所属期间：结束日期不能早于开始日期");
        }
        if (f.domain() == cn.sgz.shared.vocabulary.LedgerDomain.ALL) {
            c.add("domain", "服务领域：请选择一个领域，或不选（适用于所有领域）");
        }
        c.throwIfAny();
        Long existing = jdbc.sql("SELECT id FROM community_document WHERE station_id = ? AND name = ? AND "
                        + (f.orgId() == null ? "org_id IS NULL" : "org_id = " + f.orgId()) + " AND "
                        + (f.periodFrom() == null ? "period_from IS NULL" : "period_from = ?"))
                .params(
                        f.periodFrom() == null
                                ? List.<Object>of(station.id(), name)
                                : List.<Object>of(station.id(), name, f.periodFrom()))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (existing != null) {
            throw BusinessException.field(
                    "name", "资料名称：已有" + (f.periodFrom() == null ? "" : "该期间的") + "“" + name + "”，请在该资料中添加照片");
        }
        OffsetDateTime now = ChinaTime.offsetNow();
        long id = Sql.insert(
                jdbc,
                "INSERT INTO community_document (station_id, org_path, org_id, name, note, period_from, period_to, "
                        + "domain, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                station.id(),
                station.path(),
                f.orgId(),
                name,
                note,
                f.periodFrom(),
                f.periodTo(),
                f.domain() == null ? null : f.domain().name(),
                access.me().username(),
                now,
                now);
        events.publishEvent(AuditEvent.success("DOCUMENT_CREATE", "COMMUNITY_DOCUMENT", id, station.path(), name));
        return get(id);
    }

    /** Adds a photo of the document (a rule on the wall, a signed page …) through the evidence module. */
    @Transactional
    public UploadResult addPhoto(
            long id,
            PhotoSource source,
            String uploadKey,
            String originalName,
            long declaredSize,
            InputStream content,
            DeviceCapture device) {
        access.requireWriter();
        Row d = visible(id);
        String stationName = access.station(d.stationId()).name();
        UploadResult result = evidence.upload(new PhotoUpload(
                OWNER_TYPE,
                id,
                d.orgPath(),
                PhotoPurpose.SCENE,
                source == null ? PhotoSource.GALLERY : source,
                uploadKey,
                originalName,
                declaredSize,
                content,
                device,
                stationName,
                d.name()));
        refreshPhotoCount(id);
        return result;
    }

    @Transactional
    public void removePhoto(long id, long photoId) {
        access.requireWriter();
        visible(id);
        evidence.remove(photoId, OWNER_TYPE, id, "由 " + access.me().username() + " 从资料中删除");
        refreshPhotoCount(id);
    }

    /** Removes an entry (its photos are taken off; they stay in the audit trail). */
    @Transactional
    public void delete(long id) {
        access.requireWriter();
        Row d = visible(id);
        evidence.releaseOwner(OWNER_TYPE, id, "资料已删除");
        jdbc.sql("DELETE FROM community_document WHERE id = ?").param(id).update();
        events.publishEvent(AuditEvent.success("DOCUMENT_DELETE", "COMMUNITY_DOCUMENT", id, d.orgPath(), d.name()));
    }

    @Transactional(readOnly = true)
    public List<PhotoView> photos(long id) {
        visible(id);
        return evidence.photosOf(OWNER_TYPE, id).stream()
                .filter(p -> !p.removed())
                .toList();
    }

    /** Keeps photo_count in step with the evidence module, whoever changed the photos. */
    @EventListener
    void on(EvidenceChanged event) {
        if (OWNER_TYPE.equals(event.ownerType())) {
            refreshPhotoCount(event.ownerId());
        }
    }

    private void refreshPhotoCount(long id) {
        long live = evidence.photosOf(OWNER_TYPE, id).stream()
                .filter(p -> !p.removed())
                .count();
        jdbc.sql("UPDATE community_document SET photo_count = ?, updated_at = ? WHERE id = ?")
                .params(live, ChinaTime.offsetNow(), id)
                .update();
    }

    // ---- what the station's projects require ----------------------------------------------------

    /**
     * Every document name the DOCUMENT indicators of the station's projects ask for, marked present or
     * missing: present in the library (an entry of that name with a photo) or kept by another module.
     */
    @Transactional(readOnly = true)
    public List<ChecklistEntry> checklist(long stationId) {
        access.station(stationId);
        Map<String, List<String>> required = new LinkedHashMap<>();
        for (Project p : projects.ofStation(stationId)) {
            for (ProjectIndicator pi : projects.indicators(p)) {
                Indicator ind = pi.indicator();
                if (ind.kind() == RuleKind.DOCUMENT) {
                    for (String name : ind.params().documents()) {
                        List<String> codes = required.computeIfAbsent(name, k -> new ArrayList<>());
                        String code = ind.code() + " " + ind.name();
                        if (!codes.contains(code)) {
                            codes.add(code);
                        }
                    }
                }
            }
        }
        if (required.isEmpty()) {
            return List.of();
        }
        Map<String, Long> library = new java.util.HashMap<>();
        jdbc.sql("SELECT id, name FROM community_document WHERE station_id = :station AND photo_count > 0 "
                        + "AND name IN (:names) ORDER BY org_id NULLS FIRST, id")
                .param("station", stationId)
                .param("names", List.copyOf(required.keySet()))
                .query((rs, n) -> Map.entry(rs.getString(2), rs.getLong(1)))
                .list()
                .forEach(e -> library.putIfAbsent(e.getKey(), e.getValue()));
        Map<String, Long> entries = new java.util.HashMap<>();
        jdbc.sql("SELECT id, name FROM community_document WHERE station_id = :station AND org_id IS NULL "
                        + "AND name IN (:names)")
                .param("station", stationId)
                .param("names", List.copyOf(required.keySet()))
                .query((rs, n) -> Map.entry(rs.getString(2), rs.getLong(1)))
                .list()
                .forEach(e -> entries.putIfAbsent(e.getKey(), e.getValue()));
        List<DocumentFactSource> others = documentSources
                .orderedStream()
                .filter(s -> !(s instanceof cn.sgz.community.internal.CommunityDocumentFacts))
                .toList();
        Set<String> elsewhere = new java.util.HashSet<>();
        for (DocumentFactSource s : others) {
            elsewhere.addAll(s.documents(List.of(stationId), required.keySet()).getOrDefault(stationId, Set.of()));
        }
        List<ChecklistEntry> out = new ArrayList<>();
        required.forEach((name, codes) -> {
            boolean kept = others.stream().anyMatch(s -> s.answersFor(name));
            boolean inLibrary = library.containsKey(name);
            out.add(new ChecklistEntry(
                    name,
                    codes,
                    inLibrary || elsewhere.contains(name),
                    inLibrary,
                    kept,
                    library.getOrDefault(name, entries.get(name))));
        });
        return out;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Row visible(long id) {
        Row r = jdbc.sql("SELECT * FROM community_document WHERE id = ?")
                .param(id)
                .query(StationDocumentService::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("资料"));
        access.requireVisible(r.orgPath(), "资料");
        return r;
    }

    private List<DocumentView> views(List<Row> rows) {
        return rows.stream()
                .map(r -> new DocumentView(
                        r.id(),
                        r.stationId(),
                        r.orgId(),
                        r.name(),
                        r.note(),
                        r.photoCount(),
                        r.photoCount() == 0
                                ? List.of()
                                : evidence.photosOf(OWNER_TYPE, r.id()).stream()
                                        .filter(p -> !p.removed())
                                        .map(PhotoView::id)
                                        .toList(),
                        r.periodFrom(),
                        r.periodTo(),
                        r.domain() == null ? null : cn.sgz.shared.vocabulary.LedgerDomain.valueOf(r.domain())))
                .toList();
    }
}
