package cn.sgz.evaluation.internal;

import cn.sgz.org.Scope;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评分细则: imported from YAML as new versions (never edited in place, so a round keeps the version it was
 * started with), exported back unchanged. The built-in example is visible to everyone; a bureau's rubrics
 * to its scope.
 */
@Service
public class RubricService {

    static final String BUILTIN_RESOURCE = "/evaluation/station-guide-rubric.yaml";
    private final JdbcClient jdbc;
    private final EvaluationAccess access;
    private final ApplicationEventPublisher events;
    private final Map<Long, Rubric> parsed = new ConcurrentHashMap<>();

    RubricService(JdbcClient jdbc, EvaluationAccess access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    public record RubricSummary(
            long id,
            String code,
            int versionNo,
            String name,
            BigDecimal totalPoints,
            boolean builtin,
            OffsetDateTime createdAt,
            String createdBy) {}

    /** A rubric with its sections and items, for pages and the API. */
    public record RubricDetail(RubricSummary summary, List<RubricSectionView> sections) {}

    public record RubricSectionView(String name, BigDecimal max, List<RubricItemView> items) {}

    public record RubricItemView(
            String code,
            String name,
            BigDecimal max,
            String method,
            String methodLabel,
            String materials,
            String indicator,
            String by,
            Map<String, BigDecimal> statusPoints,
            List<Rubric.RubricLevel> levels,
            List<Rubric.RubricPart> parts) {}

    @Transactional(readOnly = true)
    public List<RubricSummary> list() {
        Scope scope = access.scope();
        List<Object> params = new ArrayList<>(scope.likePatterns());
        return jdbc.sql(
                        "SELECT id, code, version_no, name, total_points, builtin, created_at, created_by FROM eval_rubric "
                                + "WHERE builtin OR " + scope.sqlCondition("org_path")
                                + " ORDER BY code, version_no DESC")
                .params(params)
                .query((rs, i) -> new RubricSummary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getBoolean(6),
                        rs.getObject(7, OffsetDateTime.class),
                        rs.getString(8)))
                .list();
    }

    @Transactional(readOnly = true)
    public RubricDetail detail(long id) {
        RubricSummary s =
                list().stream().filter(r -> r.id() == id).findFirst().orElseThrow(() -> new NotFoundException("评分细则"));
        return detail(s, rubric(id));
    }

    /** The canonical YAML of a visible rubric (bureau only; audited). */
    @Transactional(readOnly = true)
    public String export(long id) {
        RubricSummary s = exported(id, "YAML");
        return jdbc.sql("SELECT source FROM eval_rubric WHERE id = ?")
                .param(s.id())
                .query(String.class)
                .single();
    }

    /** The Excel form of a visible rubric (bureau only; audited); it imports back unchanged. */
    @Transactional(readOnly = true)
    public byte[] exportXlsx(long id) {
        exported(id, "Excel");
        return RubricExcel.write(rubric(id));
    }

    private RubricSummary exported(long id, String format) {
        access.requireManager("导出评分细则");
        RubricSummary s = detail(id).summary();
        events.publishEvent(AuditEvent.success(
                "RUBRIC_EXPORT",
                "EVAL_RUBRIC",
                id,
                access.scope().paths().isEmpty() ? "/" : access.scope().paths().get(0),
                s.code() + " 第" + s.versionNo() + "版 " + format));
        return s;
    }

    /** Checks an Excel file without storing it: the parsed rubric or every problem with its cell. */
    public RubricDetail checkXlsx(byte[] xlsx) {
        return preview(parseXlsx(xlsx));
    }

    /** Imports an Excel rubric as the next version of its code (bureau only). */
    @Transactional
    public RubricDetail importXlsx(byte[] xlsx) {
        access.requireManager("制定评分细则");
        return store(parseXlsx(xlsx), "Excel");
    }

    /** A file from the page: Excel when it is a zip (xlsx), YAML otherwise. */
    @Transactional
    public RubricDetail importFile(byte[] bytes) {
        return RubricExcel.isXlsx(bytes)
                ? importXlsx(bytes)
                : importYaml(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
    }

    private static Rubric parseXlsx(byte[] xlsx) {
        Rubric r = RubricExcel.parse(xlsx);
        // what is stored is the YAML form: it must read back as the same rubric
        Rubric again = RubricYaml.parse(RubricYaml.write(r));
        if (!again.equals(r)) {
            throw new IllegalStateException("rubric " + r.code() + " does not survive its YAML form");
        }
        return r;
    }

    /** Checks a file without storing it: the parsed rubric or every problem with its line. */
    public RubricDetail check(String yaml) {
        return preview(RubricYaml.parse(yaml));
    }

    private static RubricDetail preview(Rubric r) {
        return detail(new RubricSummary(0, r.code(), 0, r.name(), r.totalPoints(), false, null, null), r);
    }

    private static RubricDetail detail(RubricSummary summary, Rubric r) {
        return new RubricDetail(
                summary,
                r.sections().stream()
                        .map(sec -> new RubricSectionView(
                                sec.name(),
                                sec.max(),
                                sec.items().stream()
                                        .map(i -> new RubricItemView(
                                                i.code(),
                                                i.name(),
                                                i.max(),
                                                i.method().name(),
                                                i.method().label(),
                                                i.materials(),
                                                i.indicator(),
                                                i.by() == null ? null : i.by().name(),
                                                i.statusPoints(),
                                                i.levels(),
                                                i.parts()))
                                        .toList()))
                        .toList());
    }

    /** Imports a rubric as the next version of its code (bureau only). */
    @Transactional
    public RubricDetail importYaml(String yaml) {
        access.requireManager("制定评分细则");
        return store(RubricYaml.parse(yaml), "YAML");
    }

    private RubricDetail store(Rubric r, String format) {
        String path =
                access.scope().paths().isEmpty() ? "/" : access.scope().paths().get(0);
        long id = insert(r, false, path, access.me().username());
        events.publishEvent(AuditEvent.success(
                "RUBRIC_IMPORT",
                "EVAL_RUBRIC",
                id,
                path,
                r.code() + " " + r.name() + "（满分 " + r.totalPoints().toPlainString() + "，" + format + "）"));
        return detail(id);
    }

    public RubricDetail importYaml(InputStream in) {
        try {
            return importYaml(new String(in.readNBytes(400_001), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long insert(Rubric r, boolean builtin, String orgPath, String by) {
        int next = jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM eval_rubric WHERE code = ?")
                .param(r.code())
                .query(Integer.class)
                .single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO eval_rubric (code, version_no, name, source, total_points, builtin, org_path, created_by, "
                                + "created_at) VALUES (?,?,?,?,?,?,?,?,?)")
                .params(
                        r.code(),
                        next,
                        r.name(),
                        RubricYaml.write(r),
                        r.totalPoints(),
                        builtin,
                        orgPath,
                        by,
                        ChinaTime.offsetNow())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The parsed rubric of a stored version (no scope check: callers hold a round that uses it). */
    Rubric rubric(long id) {
        return parsed.computeIfAbsent(
                id,
                k -> RubricYaml.parse(jdbc.sql("SELECT source FROM eval_rubric WHERE id = ?")
                        .param(k)
                        .query(String.class)
                        .optional()
                        .orElseThrow(() -> new NotFoundException("评分细则"))));
    }

    /** Loads the built-in example once (called at start-up). */
    @Transactional
    public long ensureBuiltin() {
        try (InputStream in = RubricService.class.getResourceAsStream(BUILTIN_RESOURCE)) {
            Rubric r = RubricYaml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return jdbc
                    .sql("SELECT id FROM eval_rubric WHERE code = ? AND builtin ORDER BY version_no DESC")
                    .param(r.code())
                    .query(Long.class)
                    .list()
                    .stream()
                    .findFirst()
                    .orElseGet(() -> insert(r, true, "/", "system"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
