package cn.sgz.evaluation.internal;

import cn.sgz.activity.RecordReview;
import cn.sgz.catalog.ProjectInScope;
import cn.sgz.evidence.ReasonCode;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抽查: a reproducible stratified sample of a project's counted records, the call list (phones in full for the
 * checker only), the outcome of each check, and the station's answer. A record that could not be verified is
 * held out of the counts (SPOT_CHECK_FAILED, with the evaluator's note) until a later check verifies it.
 */
@Service
public class SpotCheckService {

    private static final SecureRandom SEEDS = new SecureRandom();
    private final JdbcClient jdbc;
    private final EvaluationAccess access;
    private final RecordReview records;
    private final ApplicationEventPublisher events;
    private final cn.sgz.evidence.EvidenceService evidence;

    /** Owner type of the photos an evaluator takes while checking (filed in the evidence module). */
    static final String PHOTO_OWNER = "SPOT_CHECK_ITEM";

    SpotCheckService(
            JdbcClient jdbc,
            EvaluationAccess access,
            RecordReview records,
            ApplicationEventPublisher events,
            cn.sgz.evidence.EvidenceService evidence) {
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.access = access;
        this.records = records;
        this.events = events;
    }

    public enum Method {
        PHONE("电话核实"),
        FIELD("实地核实");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Outcome {
        VERIFIED("核实属实"),
        UNREACHABLE("无法联系"),
        NOT_VERIFIED("未能核实");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record SpotCheckDrawForm(
            Long projectId,
            Long roundId,
            String name,
            Integer sampleSize,
            Sampler.Strata strata,
            LocalDate from,
            LocalDate to,
            Long seed) {}

    public record SpotCheckResultInput(Method method, Outcome outcome, String note, Long version) {}

    public record SpotCheckPerson(String source, String name, String phone) {}

    public record SpotCheckItemView(
            long id,
            int seq,
            long recordId,
            long stationId,
            String stationName,
            String kind,
            String kindLabel,
            LocalDate serviceDate,
            String title,
            String method,
            String methodLabel,
            String outcome,
            String outcomeLabel,
            String note,
            String checkedBy,
            OffsetDateTime checkedAt,
            String answer,
            String answeredBy,
            OffsetDateTime answeredAt,
            List<SpotCheckPerson> people,
            boolean recordCounts,
            long version) {}

    public record SpotCheckStationSummary(
            long stationId,
            String stationName,
            int sampled,
            int checked,
            int verified,
            int unreachable,
            int failed,
            BigDecimal failureRate) {}

    public record SpotCheckView(
            long id,
            long projectId,
            String projectName,
            Long roundId,
            String name,
            long seed,
            String strata,
            String strataLabel,
            int sampleSize,
            LocalDate from,
            LocalDate to,
            int frameSize,
            String frameHash,
            String drawnBy,
            OffsetDateTime drawnAt,
            boolean canCheck,
            boolean phonesVisible,
            List<SpotCheckItemView> items,
            List<SpotCheckStationSummary> stations) {}

    public record SpotCheckRedraw(
            boolean same, String frameHash, boolean frameUnchanged, List<Long> stored, List<Long> redrawn) {}

    private record Header(
            long id,
            long projectId,
            Long roundId,
            String orgPath,
            String name,
            long seed,
            Sampler.Strata strata,
            int size,
            LocalDate from,
            LocalDate to,
            int frameSize,
            String frameHash,
            String drawnBy,
            OffsetDateTime drawnAt) {}

    // ---- drawing ---------------------------------------------------------------------------------

    @Transactional
    public SpotCheckView draw(SpotCheckDrawForm f) {
        if (f.projectId() == null) {
            throw BusinessException.field("projectId", "请选择要抽查的项目");
        }
        ProjectInScope p = access.projects().inScope(f.projectId());
        String orgPath = access.pathOf(p.project().bureauId());
        Role role = access.me().role();
        if (f.roundId() != null) {
            EvaluationAccess.RoundRef r = access.writableRound(f.roundId());
            if (r.projectId() != f.projectId()) {
                throw BusinessException.field("roundId", "所选评估不属于该项目");
            }
        } else if (!(role == Role.ADMIN
                || role == Role.BUREAU_OFFICER && access.scope().covers(orgPath))) {
            throw new ForbiddenException(role == Role.EVALUATOR ? "请在您所在评估小组的评估中发起抽查" : "只有区/县民政局或评估小组可以发起抽查");
        }
        int size = f.sampleSize() == null ? 0 : f.sampleSize();
        if (size < 1 || size > 500) {
            throw BusinessException.field("sampleSize", "抽查数量应在 1～500 条之间");
        }
        Sampler.Strata strata = f.strata() == null ? Sampler.Strata.STATION_KIND : f.strata();
        LocalDate today = ChinaTime.today();
        LocalDate from = f.from() == null ? p.project().startDate() : f.from();
        LocalDate to = f.to() == null
                ? (today.isBefore(p.project().endDate()) ? today : p.project().endDate())
                : f.to();
        if (to.isBefore(from)) {
            throw BusinessException.field("to", "抽查范围的结束日期不能早于开始日期");
        }
        long seed = f.seed() != null ? f.seed() : SEEDS.nextLong() & Long.MAX_VALUE;
        List<Sampler.Unit> frame = records.countedRecords(p.project().stationIds(), from, to).stream()
                .map(c -> new Sampler.Unit(c.recordId(), c.stationId(), c.kind().name()))
                .toList();
        if (frame.isEmpty()) {
            throw BusinessException.field("sampleSize", "该项目在所选期间没有计入的服务记录，无法抽查");
        }
        List<Sampler.Unit> sample = Sampler.draw(frame, seed, strata, size);
        String hash = Sampler.frameHash(frame);
        String name = f.name() == null || f.name().isBlank()
                ? "抽查 " + today + "（" + sample.size() + " 条）"
                : f.name().strip();
        if (name.length() > 200) {
            throw BusinessException.field("name", "名称不能超过200个字");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO spot_check (project_id, round_id, org_path, name, seed, strata, sample_size, period_from, "
                                + "period_to, population_count, population_hash, drawn_by, drawn_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        p.project().id(),
                        f.roundId(),
                        orgPath,
                        name,
                        seed,
                        strata.name(),
                        size,
                        from,
                        to,
                        frame.size(),
                        hash,
                        access.me().displayName(),
                        ChinaTime.offsetNow())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (Sampler.Unit u : frame) {
            jdbc.sql("INSERT INTO spot_check_frame (check_id, record_id, station_id, kind) VALUES (?,?,?,?)")
                    .params(id, u.recordId(), u.stationId(), u.kind())
                    .update();
        }
        int seq = 0;
        for (Sampler.Unit u : sample) {
            RecordReview.Contacts c = records.contacts(u.recordId());
            jdbc.sql(
                            "INSERT INTO spot_check_item (check_id, seq, record_id, station_id, org_path, kind, service_date, title) "
                                    + "VALUES (?,?,?,?,?,?,?,?)")
                    .params(
                            id,
                            ++seq,
                            u.recordId(),
                            u.stationId(),
                            c.orgPath(),
                            u.kind(),
                            c.serviceDate(),
                            c.title() == null ? c.kind().label() : c.title())
                    .update();
        }
        events.publishEvent(AuditEvent.success(
                "SPOT_CHECK_DRAW",
                "SPOT_CHECK",
                id,
                orgPath,
                name + "：种子 " + seed + "，" + strata.label() + "，从 " + frame.size() + " 条中抽取 " + sample.size() + " 条"));
        return get(id);
    }

    /** Draws the sample again from the stored frame, seed, strata and size, and compares it with the stored one. */
    @Transactional(readOnly = true)
    public SpotCheckRedraw redraw(long checkId) {
        Header h = visible(checkId);
        List<Sampler.Unit> frame = jdbc.sql(
                        "SELECT record_id, station_id, kind FROM spot_check_frame WHERE check_id = ?")
                .param(checkId)
                .query((rs, i) -> new Sampler.Unit(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list();
        List<Long> again = Sampler.draw(frame, h.seed(), h.strata(), h.size()).stream()
                .map(Sampler.Unit::recordId)
                .toList();
        List<Long> stored = jdbc.sql("SELECT record_id FROM spot_check_item WHERE check_id = ? ORDER BY seq")
                .param(checkId)
                .query(Long.class)
                .list();
        String hash = Sampler.frameHash(frame);
        return new SpotCheckRedraw(again.equals(stored), hash, hash.equals(h.frameHash()), stored, again);
    }

    // ---- reading ---------------------------------------------------------------------------------

    private Header header(long checkId) {
        return jdbc.sql("SELECT * FROM spot_check WHERE id = ?")
                .param(checkId)
                .query((rs, i) -> new Header(
                        rs.getLong("id"),
                        rs.getLong("project_id"),
                        (Long) rs.getObject("round_id"),
                        rs.getString("org_path"),
                        rs.getString("name"),
                        rs.getLong("seed"),
                        Sampler.Strata.valueOf(rs.getString("strata")),
                        rs.getInt("sample_size"),
                        rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class),
                        rs.getInt("population_count"),
                        rs.getString("population_hash"),
                        rs.getString("drawn_by"),
                        rs.getObject("drawn_at", OffsetDateTime.class)))
                .optional()
                .orElseThrow(() -> new NotFoundException("抽查"));
    }

    /** A check the user may see: managers in scope, the round's team, or a station with a sampled record. */
    private Header visible(long checkId) {
        Header h = header(checkId);
        Role role = access.me().role();
        Scope scope = access.scope();
        if (role == Role.EVALUATOR) {
            if (h.roundId() == null || !access.member(h.roundId())) {
                throw new NotFoundException("抽查");
            }
            return h;
        }
        if (role == Role.ADMIN || role == Role.CITY_OFFICER || role == Role.BUREAU_OFFICER) {
            if (!scope.covers(h.orgPath()) && (h.roundId() == null || !access.member(h.roundId()))) {
                throw new NotFoundException("抽查");
            }
            return h;
        }
        List<Object> params = new ArrayList<>();
        params.add(checkId);
        params.addAll(scope.likePatterns());
        long mine = jdbc.sql(
                        "SELECT COUNT(*) FROM spot_check_item WHERE check_id = ? AND " + scope.sqlCondition("org_path"))
                .params(params)
                .query(Long.class)
                .single();
        if (mine == 0) {
            throw new NotFoundException("抽查");
        }
        return h;
    }

    /** A check of a closed round is read-only: 409 (before any 403 about who may write). */
    private void closedRound(Header h) {
        if (h.roundId() != null && !access.findRound(h.roundId()).open()) {
            throw new ConflictException("该抽查所属的评估已结束，成绩已冻结，不能再修改");
        }
    }

    private boolean canCheck(Header h) {
        Role role = access.me().role();
        if (h.roundId() != null) {
            EvaluationAccess.RoundRef r = access.findRound(h.roundId());
            if (!r.open()) {
                return false;
            }
            if (access.member(h.roundId())) {
                return role == Role.EVALUATOR || role == Role.BUREAU_OFFICER;
            }
        }
        return role == Role.ADMIN
                || role == Role.BUREAU_OFFICER && access.scope().covers(h.orgPath());
    }

    @Transactional(readOnly = true)
    public List<SpotCheckView> list(Long projectId) {
        List<Long> ids = jdbc.sql("SELECT id FROM spot_check" + (projectId == null ? "" : " WHERE project_id = ?")
                        + " ORDER BY drawn_at DESC, id DESC")
                .params(projectId == null ? List.of() : List.of(projectId))
                .query(Long.class)
                .list();
        List<SpotCheckView> out = new ArrayList<>();
        for (long id : ids) {
            try {
                out.add(view(visible(id), false));
            } catch (NotFoundException e) {
                // not this user's
            }
        }
        return out;
    }

    @Transactional(readOnly = true)
    public SpotCheckView get(long checkId) {
        return view(visible(checkId), false);
    }

    /** The call list: every sampled record with the people to call; phones in full only for the checker (audited). */
    @Transactional(readOnly = true)
    public SpotCheckView callList(long checkId) {
        Header h = visible(checkId);
        SpotCheckView v = view(h, true);
        if (v.phonesVisible()) {
            events.publishEvent(AuditEvent.success(
                    "SPOT_CHECK_CALL_LIST",
                    "SPOT_CHECK",
                    checkId,
                    h.orgPath(),
                    "查看抽查电话名单（" + v.items().size() + " 条记录）"));
        }
        return v;
    }

    private SpotCheckView view(Header h, boolean withPeople) {
        Scope scope = access.scope();
        boolean check = canCheck(h);
        boolean stationSide = access.isStationSide();
        Map<Long, String> names = access.projects().inScope(h.projectId()).unitNames();
        List<SpotCheckItemView> items = jdbc
                .sql("SELECT * FROM spot_check_item WHERE check_id = ? ORDER BY seq")
                .param(h.id())
                .query((rs, i) -> {
                    String outcome = rs.getString("outcome");
                    String method = rs.getString("method");
                    ServiceKind kind = ServiceKind.valueOf(rs.getString("kind"));
                    return new SpotCheckItemView(
                            rs.getLong("id"),
                            rs.getInt("seq"),
                            rs.getLong("record_id"),
                            rs.getLong("station_id"),
                            names.getOrDefault(rs.getLong("station_id"), "—"),
                            kind.name(),
                            kind.label(),
                            rs.getObject("service_date", LocalDate.class),
                            rs.getString("title"),
                            method,
                            method == null ? null : Method.valueOf(method).label(),
                            outcome,
                            outcome == null ? "待核实" : Outcome.valueOf(outcome).label(),
                            rs.getString("note"),
                            rs.getString("checked_name"),
                            rs.getObject("checked_at", OffsetDateTime.class),
                            rs.getString("answer"),
                            rs.getString("answered_by"),
                            rs.getObject("answered_at", OffsetDateTime.class),
                            List.of(),
                            true,
                            rs.getLong("version"));
                })
                .list()
                .stream()
                .filter(it -> !stationSide || scope.covers(access.pathOf(it.stationId())))
                .toList();
        if (withPeople) {
            items = items.stream()
                    .map(it -> {
                        RecordReview.Contacts c = records.contacts(it.recordId());
                        List<SpotCheckPerson> people = c.people().stream()
                                .map(p -> new SpotCheckPerson(
                                        p.source(),
                                        check ? p.name() : Masking.name(p.name()),
                                        check ? p.phone() : Masking.phone(p.phone())))
                                .toList();
                        return new SpotCheckItemView(
                                it.id(),
                                it.seq(),
                                it.recordId(),
                                it.stationId(),
                                it.stationName(),
                                it.kind(),
                                it.kindLabel(),
                                it.serviceDate(),
                                it.title(),
                                it.method(),
                                it.methodLabel(),
                                it.outcome(),
                                it.outcomeLabel(),
                                it.note(),
                                it.checkedBy(),
                                it.checkedAt(),
                                it.answer(),
                                it.answeredBy(),
                                it.answeredAt(),
                                people,
                                c.counts(),
                                it.version());
                    })
                    .toList();
        }
        Map<Long, int[]> per = new LinkedHashMap<>();
        for (SpotCheckItemView it : items) {
            int[] c = per.computeIfAbsent(it.stationId(), k -> new int[5]);
            c[0]++;
            if (it.outcome() != null) {
                c[1]++;
                switch (Outcome.valueOf(it.outcome())) {
                    case VERIFIED -> c[2]++;
                    case UNREACHABLE -> c[3]++;
                    case NOT_VERIFIED -> c[4]++;
                }
            }
        }
        List<SpotCheckStationSummary> stations = per.entrySet().stream()
                .map(e -> {
                    int[] c = e.getValue();
                    BigDecimal rate = c[1] == 0
                            ? BigDecimal.ZERO
                            : BigDecimal.valueOf(c[4] * 100L).divide(BigDecimal.valueOf(c[1]), 1, RoundingMode.HALF_UP);
                    return new SpotCheckStationSummary(
                            e.getKey(), names.getOrDefault(e.getKey(), "—"), c[0], c[1], c[2], c[3], c[4], rate);
                })
                .toList();
        return new SpotCheckView(
                h.id(),
                h.projectId(),
                access.projects().get(h.projectId()).name(),
                h.roundId(),
                h.name(),
                h.seed(),
                h.strata().name(),
                h.strata().label(),
                h.size(),
                h.from(),
                h.to(),
                h.frameSize(),
                h.frameHash(),
                h.drawnBy(),
                h.drawnAt(),
                check,
                withPeople && check,
                items,
                stations);
    }

    // ---- checking and answering -------------------------------------------------------------------

    private record ItemRef(
            long id, long checkId, long recordId, long stationId, String orgPath, String outcome, long version) {}

    private ItemRef item(long itemId) {
        return jdbc.sql("SELECT id, check_id, record_id, station_id, org_path, outcome, version FROM spot_check_item "
                        + "WHERE id = ?")
                .param(itemId)
                .query((rs, i) -> new ItemRef(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7)))
                .optional()
                .orElseThrow(() -> new NotFoundException("抽查记录"));
    }

    /** Records the outcome of checking one sampled record. */
    @Transactional
    public SpotCheckItemView check(long itemId, SpotCheckResultInput in) {
        ItemRef it = item(itemId);
        Header h = visible(it.checkId());
        if (!canCheck(h)) {
            if (h.roundId() != null && !access.findRound(h.roundId()).open()) {
                throw new ConflictException("该抽查所属的评估已结束，不能再修改核实结果");
            }
            throw new ForbiddenException("只有评估小组成员或区/县民政局可以登记核实结果");
        }
        if (in.method() == null) {
            throw BusinessException.field("method", "请选择核实方式：电话核实或实地核实");
        }
        if (in.outcome() == null) {
            throw BusinessException.field("outcome", "请选择核实结果");
        }
        String note = in.note() == null ? "" : in.note().strip();
        if (in.outcome() == Outcome.NOT_VERIFIED && note.length() < 4) {
            throw BusinessException.field("note", "“未能核实”须写明原因（至少 4 个字），社工站会看到这段说明");
        }
        if (note.length() > 1000) {
            throw BusinessException.field("note", "说明不能超过1000个字");
        }
        if (in.version() == null || in.version() != it.version()) {
            throw new ConflictException("保存失败：这条抽查记录在您打开之后已被他人修改，请刷新后重试");
        }
        String who = access.me().displayName();
        jdbc.sql("UPDATE spot_check_item SET method = ?, outcome = ?, note = ?, checked_by = ?, checked_name = ?, "
                        + "checked_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(
                        in.method().name(),
                        in.outcome().name(),
                        note.isEmpty() ? null : note,
                        access.me().username(),
                        who,
                        ChinaTime.offsetNow(),
                        itemId,
                        in.version())
                .update();
        if (in.outcome() == Outcome.NOT_VERIFIED) {
            records.hold(
                    it.recordId(),
                    ReasonCode.SPOT_CHECK_FAILED,
                    "评估人 " + who + "（" + in.method().label() + "，" + ChinaTime.today() + "）：" + note,
                    "SPOT_CHECK_ITEM:" + itemId);
        } else if (Outcome.NOT_VERIFIED.name().equals(it.outcome())) {
            records.release(
                    it.recordId(),
                    ReasonCode.SPOT_CHECK_FAILED,
                    "复核结果：" + in.outcome().label());
        }
        events.publishEvent(AuditEvent.success(
                "SPOT_CHECK_RESULT",
                "SPOT_CHECK",
                it.checkId(),
                it.orgPath(),
                "记录 #" + it.recordId() + " " + in.method().label() + "："
                        + in.outcome().label() + (note.isEmpty() ? "" : "（" + note + "）")));
        return view(h, false).items().stream()
                .filter(x -> x.id() == itemId)
                .findFirst()
                .orElseThrow();
    }

    /** A photo taken while checking (e.g. 实地核实 at the place), kept by the evidence module under the item. */
    @Transactional
    public cn.sgz.evidence.UploadResult addPhoto(
            long itemId, String uploadKey, String name, long size, java.io.InputStream content) {
        ItemRef it = item(itemId);
        Header h = visible(it.checkId());
        if (!canCheck(h)) {
            closedRound(h);
            throw new ForbiddenException("只有评估小组成员或区/县民政局可以上传核实照片");
        }
        cn.sgz.evidence.UploadResult r = evidence.upload(new cn.sgz.evidence.PhotoUpload(
                PHOTO_OWNER,
                itemId,
                it.orgPath(),
                cn.sgz.evidence.PhotoPurpose.SCENE,
                cn.sgz.evidence.PhotoSource.GALLERY,
                uploadKey,
                name,
                size,
                content,
                null,
                access.unitName(it.stationId()),
                "抽查核实"));
        events.publishEvent(AuditEvent.success(
                "SPOT_CHECK_PHOTO", "SPOT_CHECK", it.checkId(), it.orgPath(), "记录 #" + it.recordId() + " 核实照片"));
        return r;
    }

    @Transactional(readOnly = true)
    public List<cn.sgz.evidence.PhotoView> photos(long itemId) {
        ItemRef it = item(itemId);
        Header h = visible(it.checkId());
        if (access.isStationSide() && !access.scope().covers(it.orgPath())) {
            throw new NotFoundException("抽查记录");
        }
        return evidence.photosOf(PHOTO_OWNER, itemId).stream()
                .filter(p -> !p.removed())
                .toList();
    }

    /** The station answers a check of one of its records. */
    @Transactional
    public SpotCheckItemView answer(long itemId, String text, Long version) {
        ItemRef it = item(itemId);
        Header h = visible(it.checkId());
        if (!access.isStationSide() || !access.scope().covers(it.orgPath())) {
            throw new ForbiddenException("只有被抽查记录所属社工站可以答复");
        }
        if (it.outcome() == null) {
            throw new ConflictException("该记录尚未核实，核实后才能答复");
        }
        String a = text == null ? "" : text.strip();
        if (a.length() < 2 || a.length() > 1000) {
            throw BusinessException.field("answer", "请填写答复（2～1000个字）");
        }
        if (version == null || version != it.version()) {
            throw new ConflictException("保存失败：这条抽查记录在您打开之后已被修改，请刷新后重试");
        }
        jdbc.sql("UPDATE spot_check_item SET answer = ?, answered_by = ?, answered_at = ?, version = version + 1 "
                        + "WHERE id = ? AND version = ?")
                .params(a, access.me().displayName(), ChinaTime.offsetNow(), itemId, version)
                .update();
        events.publishEvent(AuditEvent.success(
                "SPOT_CHECK_ANSWER", "SPOT_CHECK", it.checkId(), it.orgPath(), "记录 #" + it.recordId() + " 站点答复：" + a));
        return view(h, false).items().stream()
                .filter(x -> x.id() == itemId)
                .findFirst()
                .orElseThrow();
    }

    /** For 整改 raised from a failed check: the item's station, project and round. */
    record FailedItem(
            long itemId,
            long checkId,
            long projectId,
            Long roundId,
            long stationId,
            String orgPath,
            long recordId,
            String outcome,
            String note,
            String title) {}

    FailedItem failedItem(long itemId) {
        ItemRef it = item(itemId);
        Header h = visible(it.checkId());
        if (!canCheck(h)) {
            closedRound(h);
            throw new ForbiddenException("只有评估小组成员或区/县民政局可以据此提出整改");
        }
        Map<String, Object> row = jdbc.sql("SELECT title, note FROM spot_check_item WHERE id = ?")
                .param(itemId)
                .query()
                .singleRow();
        String title = (String) row.get("title");
        String note = (String) row.get("note");
        return new FailedItem(
                itemId,
                h.id(),
                h.projectId(),
                h.roundId(),
                it.stationId(),
                it.orgPath(),
                it.recordId(),
                it.outcome(),
                note,
                title);
    }
}
