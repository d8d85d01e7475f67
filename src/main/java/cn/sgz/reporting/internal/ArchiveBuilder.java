package cn.sgz.reporting.internal;

import cn.sgz.activity.ReceiptView;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.SignInEntryView;
import cn.sgz.casework.CaseworkFigures;
import cn.sgz.catalog.ProjectInScope;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.community.CommunityFigures;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.FileStore;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.StoredFile;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.Drilldown;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.RecordFactSource.RecordRef;
import cn.sgz.progress.StationCompliance;
import cn.sgz.progress.SubPeriodResult;
import cn.sgz.reporting.ArchiveJobView;
import cn.sgz.shared.PhoneNumbers;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes an evidence archive. For every station and indicator, each counted record of every sub-period
 * due by the archive's date becomes a folder 社工站/任务/指标/日期 记录 with the record's summary, its
 * scene photos (the stamped copy where there is one), and its sign-in sheet and receipts as printable
 * pages (签到表.html, 领取单据.html: the entries with masked phones and the photographed paper sheets).
 * A whole-project archive (no indicator chosen) also holds each station's case and group files (the
 * casework module's Word files) and its station documents (community module). 目录.xlsx lists every
 * record (sheet 目录) and every file of the ZIP (sheet 文件清单).
 *
 * <p>The plan (which records, photos and files) is made first, so its size can be estimated before a
 * job is accepted. The ZIP is streamed to a temporary file entry by entry (one photo or document in
 * memory at a time), then handed to the {@link FileStore}, so any instance can serve the download.
 */
@Component
public class ArchiveBuilder {

    private static final Logger log = LoggerFactory.getLogger(ArchiveBuilder.class);
    private static final String RECORD_OWNER = ServiceRecordService.OWNER_TYPE;
    /** Rough sizes for the estimate: a record's text and pages, a case file, the table of contents. */
    static final long PER_RECORD = 6 * 1024;

    static final long PER_CASE_FILE = 60 * 1024;
    static final long TOC = 64 * 1024;

    private final ComplianceService compliance;
    private final ProjectQueries projects;
    private final EvidenceService evidence;
    private final ServiceRecordService records;
    private final CaseworkFigures casework;
    private final CommunityFigures community;
    private final FileStore files;
    private final ArchiveStore store;
    private final Path tmp;
    private final int maxEntries;

    ArchiveBuilder(
            ComplianceService compliance,
            ProjectQueries projects,
            EvidenceService evidence,
            ServiceRecordService records,
            CaseworkFigures casework,
            CommunityFigures community,
            FileStore files,
            ArchiveStore store,
            @Value("${sgz.data-dir:./data}") String dataDir,
            @Value("${sgz.archive.max-entries:50000}") int maxEntries) {
        this.compliance = compliance;
        this.projects = projects;
        this.evidence = evidence;
        this.records = records;
        this.casework = casework;
        this.community = community;
        this.files = files;
        this.store = store;
        this.tmp = Paths.get(dataDir, "archives-tmp");
        this.maxEntries = maxEntries;
    }

    /** The file-store key of a job's finished ZIP. */
    public static String key(long jobId) {
        return "archives/archive-" + jobId + ".zip";
    }

    // ---- the plan -----------------------------------------------------------------------------------

    /** One counted record of an indicator, with the live photos the archive will hold. */
    public record PlannedRecord(String subPeriod, RecordRef ref, List<PhotoView> photos) {}

    /** One step: a station and an indicator, with their counted records. */
    public record Step(StationCompliance station, ProjectIndicator indicator, List<PlannedRecord> records) {}

    /** A station's case files and documents (whole-project archives only). */
    public record Extras(
            long stationId,
            String stationName,
            List<CaseworkFigures.FileRef> caseFiles,
            List<CommunityFigures.StationDocument> documents,
            long documentBytes) {}

    public record Plan(List<Step> steps, List<Extras> extras) {

        public int records() {
            return steps.stream().mapToInt(s -> s.records().size()).sum();
        }

        public int photos() {
            return steps.stream()
                    .flatMap(s -> s.records().stream())
                    .mapToInt(r -> r.photos().size())
                    .sum();
        }

        /** Bytes the ZIP is expected to take: photos as stored, plus rough sizes of texts, pages and files. */
        public long estimatedBytes() {
            long bytes = TOC;
            for (Step s : steps) {
                for (PlannedRecord r : s.records()) {
                    bytes += PER_RECORD;
                    for (PhotoView p : r.photos()) {
                        bytes += p.byteSize();
                    }
                }
            }
            for (Extras e : extras) {
                bytes += e.caseFiles().size() * PER_CASE_FILE + e.documentBytes();
            }
            return bytes;
        }
    }

    /** What an archive of the project (optionally one station, one indicator) as of a date will hold. */
    public Plan plan(long projectId, Long stationId, Long indicatorId, LocalDate asOf) {
        ProjectInScope p = projects.inScope(projectId);
        List<StationCompliance> stations = compliance.compute(projectId, stationId, asOf);
        List<ProjectIndicator> indicators = p.indicators().stream()
                .filter(i -> i.indicator().id() != null)
                .filter(i -> indicatorId == null || i.indicator().id().equals(indicatorId))
                .toList();
        List<Step> steps = new ArrayList<>();
        List<Extras> extras = new ArrayList<>();
        for (StationCompliance sc : stations) {
            for (ProjectIndicator pi : indicators) {
                IndicatorResult r = sc.byIndicator().get(pi.indicator().id());
                List<PlannedRecord> planned = new ArrayList<>();
                Set<Long> seen = new HashSet<>();
                for (SubPeriodResult s : r == null ? List.<SubPeriodResult>of() : r.subPeriods()) {
                    if (s.from().isAfter(asOf)) {
                        continue;
                    }
                    Drilldown d = compliance.drilldown(projectId, pi.indicator().id(), sc.stationId(), asOf, s.label());
                    for (RecordRef ref : d.counted()) {
                        if (seen.add(ref.id())) {
                            planned.add(new PlannedRecord(s.label(), ref, photosOf(ref)));
                        }
                    }
                }
                steps.add(new Step(sc, pi, planned));
            }
            if (indicatorId == null) {
                List<CommunityFigures.StationDocument> docs = community.documents(sc.stationId());
                long docBytes = 0;
                for (CommunityFigures.StationDocument doc : docs) {
                    for (PhotoView photo : evidence.photosOf(CommunityFigures.DOCUMENT_OWNER, doc.id())) {
                        docBytes += photo.removed() ? 0 : photo.byteSize();
                    }
                    docBytes += 1024;
                }
                extras.add(new Extras(
                        sc.stationId(), sc.stationName(), casework.files(sc.stationId(), asOf), docs, docBytes));
            }
        }
        return new Plan(steps, extras);
    }

    private List<PhotoView> photosOf(RecordRef ref) {
        if (ref.link() == null || !ref.link().startsWith("/records/")) {
            return List.of();
        }
        return evidence.photosOf(RECORD_OWNER, ref.id()).stream()
                .filter(p -> !p.removed())
                .toList();
    }

    // ---- the build ----------------------------------------------------------------------------------

    /** Thrown when another instance took the job over (this one stopped beating long enough). */
    static final class LostClaim extends RuntimeException {
        LostClaim() {
            super("资料包任务已由其他实例接手");
        }
    }

    /**
     * Builds a claimed job's archive as the user who asked for it (the caller sets the security
     * context) and records it DONE with its file-store key, or FAILED with a Chinese reason.
     */
    public void build(long jobId, String instance) {
        ArchiveJobView job = store.find(jobId).orElseThrow().view();
        Path part = null;
        try {
            Plan plan = plan(job.projectId(), job.stationId(), job.indicatorId(), job.asOf());
            int total = plan.steps().size() + (plan.extras().isEmpty() ? 0 : 1);
            beat(jobId, instance, total, 0, 0);
            Files.createDirectories(tmp);
            part = Files.createTempFile(tmp, "archive-" + jobId + "-", ".zip.part");
            Toc toc = new Toc();
            int done = 0;
            try (ZipOutputStream zip = new ZipOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(part), 64 * 1024), StandardCharsets.UTF_8)) {
                Writer w = new Writer(zip, toc);
                for (Step step : plan.steps()) {
                    writeStep(w, step, jobId, instance, total, done);
                    beat(jobId, instance, total, ++done, w.entries);
                }
                if (!plan.extras().isEmpty()) {
                    for (Extras e : plan.extras()) {
                        writeExtras(w, e);
                    }
                    beat(jobId, instance, total, ++done, w.entries);
                }
                zip.putNextEntry(new ZipEntry("目录.xlsx"));
                toc.write(new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the ZIP stays open for its closing entries
                    }
                });
                zip.closeEntry();
                w.entries++;
                long size;
                zip.finish();
                zip.flush();
                size = Files.size(part);
                files.put(key(jobId), part);
                if (!store.done(jobId, instance, w.entries, size, key(jobId))) {
                    throw new LostClaim();
                }
            }
        } catch (LostClaim e) {
            log.info("资料包 {} 已由其他实例接手，本实例停止生成", jobId);
        } catch (Exception e) {
            log.warn("资料包 {} 生成失败", jobId, e);
            store.failed(
                    jobId, instance, e instanceof IllegalStateException ? e.getMessage() : "生成失败：" + e.getMessage());
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a temporary file the operator may remove
                }
            }
        }
    }

    private void beat(long jobId, String instance, int total, int done, int entries) {
        if (!store.progress(jobId, instance, total, done, entries)) {
            throw new LostClaim();
        }
    }

    /** The ZIP being written, the names it holds, and the table of contents. */
    private final class Writer {
        final ZipOutputStream zip;
        final Toc toc;
        final Set<String> names = new HashSet<>();
        int entries;

        Writer(ZipOutputStream zip, Toc toc) {
            this.zip = zip;
            this.toc = toc;
        }

        String put(String name, byte[] bytes, String kind, String station, String note) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(bytes);
            zip.closeEntry();
            toc.file(name, kind, bytes.length, station, note);
            if (++entries > maxEntries) {
                throw new IllegalStateException("资料包超过上限（" + maxEntries + " 个文件），请按社工站、指标或日期缩小范围后重试");
            }
            return name;
        }

        String unique(String name) {
            String candidate = name;
            for (int i = 2; !names.add(candidate); i++) {
                candidate = name + "（" + i + "）";
            }
            return candidate;
        }
    }

    private void writeStep(Writer w, Step step, long jobId, String instance, int total, int done) throws IOException {
        StationCompliance sc = step.station();
        ProjectIndicator pi = step.indicator();
        String folder = safe(sc.stationName()) + "/"
                + safe(pi.task().code() + " " + pi.task().name()) + "/"
                + safe(pi.indicator().code() + " " + pi.indicator().name()) + "/";
        int n = 0;
        for (PlannedRecord pr : step.records()) {
            RecordRef ref = pr.ref();
            String base = w.unique(folder + safe(ref.date() + " " + ref.title() + " #" + ref.id()));
            String station = sc.stationName();
            String note = "记录 #" + ref.id() + " " + ref.title();
            List<String> named = new ArrayList<>();
            String summary = "记录：" + ref.title() + "\n日期：" + ref.date() + "\n类别："
                    + (ref.kind() == null ? "" : ref.kind().label()) + "\n考核期：" + pr.subPeriod() + "\n指标："
                    + pi.indicator().code() + " " + pi.indicator().name() + "\n社工站：" + sc.stationName()
                    + "\n平台链接：" + ref.link() + "\n";
            named.add(w.put(base + "/记录.txt", summary.getBytes(StandardCharsets.UTF_8), "记录说明", station, note));
            List<String> signInPhotos = new ArrayList<>();
            List<String> receiptPhotos = new ArrayList<>();
            int scene = 1;
            int signIn = 1;
            int receipt = 1;
            for (PhotoView photo : pr.photos()) {
                StoredFile f = evidence.open(photo.id(), photo.stamped() ? "stamped" : "original");
                String ext = extension(f.contentType());
                if (photo.purpose() == PhotoPurpose.SIGN_IN_SHEET) {
                    String name = "签到表照片" + signIn++ + ext;
                    named.add(w.put(base + "/" + name, f.bytes(), "签到表照片", station, note));
                    signInPhotos.add(name);
                } else if (photo.purpose() == PhotoPurpose.RECEIPT) {
                    String name = "领取单据照片" + receipt++ + ext;
                    named.add(w.put(base + "/" + name, f.bytes(), "领取单据照片", station, note));
                    receiptPhotos.add(name);
                } else {
                    named.add(w.put(base + "/照片" + scene++ + ext, f.bytes(), "现场照片", station, note));
                }
            }
            if (ref.link() != null && ref.link().startsWith("/records/")) {
                List<SignInEntryView> signIns = records.signIns(ref.id());
                if (!signIns.isEmpty() || !signInPhotos.isEmpty()) {
                    named.add(w.put(
                            base + "/签到表.html",
                            signInPage(sc.stationName(), ref, signIns, signInPhotos),
                            "签到表（打印页）",
                            station,
                            note));
                }
                List<ReceiptView> receipts = records.receipts(ref.id());
                if (!receipts.isEmpty() || !receiptPhotos.isEmpty()) {
                    named.add(w.put(
                            base + "/领取单据.html",
                            receiptPage(sc.stationName(), ref, receipts, receiptPhotos),
                            "领取单据（打印页）",
                            station,
                            note));
                }
            }
            w.toc.record(List.of(
                    sc.stationName(),
                    pi.task().code() + " " + pi.task().name(),
                    pi.indicator().code(),
                    pi.indicator().name(),
                    pr.subPeriod(),
                    String.valueOf(ref.date()),
                    ref.title(),
                    String.valueOf(ref.id()),
                    String.join("；", named)));
            if (++n % 50 == 0) {
                beat(jobId, instance, total, done, w.entries);
            }
        }
    }

    private void writeExtras(Writer w, Extras e) throws IOException {
        String folder = safe(e.stationName()) + "/";
        for (CaseworkFigures.FileRef ref : e.caseFiles()) {
            CaseworkFigures.File f = casework.word(ref);
            String name = w.unique(folder + "个案与小组档案/" + safe(ref.kind() + " " + ref.code() + " " + ref.title()));
            w.put(name + ".docx", f.bytes(), ref.kind() + "档案", e.stationName(), ref.code() + " " + ref.title());
        }
        for (CommunityFigures.StationDocument doc : e.documents()) {
            String base = w.unique(folder + "站点资料/"
                    + safe((doc.orgName() == null ? "" : doc.orgName() + " ") + doc.name() + " #" + doc.id()));
            String text = "资料：" + doc.name() + (doc.orgName() == null ? "" : "\n所属组织：" + doc.orgName())
                    + (doc.note() == null ? "" : "\n说明：" + doc.note()) + "\n照片："
                    + doc.photoIds().size() + " 张\n";
            w.put(base + "/说明.txt", text.getBytes(StandardCharsets.UTF_8), "站点资料说明", e.stationName(), doc.name());
            int n = 1;
            for (long photoId : doc.photoIds()) {
                PhotoView meta = evidence.get(photoId);
                StoredFile f = evidence.open(photoId, meta != null && meta.stamped() ? "stamped" : "original");
                w.put(
                        base + "/照片" + n++ + extension(f.contentType()),
                        f.bytes(),
                        "站点资料照片",
                        e.stationName(),
                        doc.name());
            }
        }
    }

    // ---- printable pages ----------------------------------------------------------------------------

    static byte[] signInPage(String station, RecordRef ref, List<SignInEntryView> entries, List<String> photos) {
        StringBuilder rows = new StringBuilder();
        int i = 1;
        for (SignInEntryView e : entries) {
            rows.append("<tr><td>")
                    .append(i++)
                    .append("</td><td>")
                    .append(esc(e.name()))
                    .append("</td><td>")
                    .append(esc(PhoneNumbers.mask(e.phone())))
                    .append("</td><td>")
                    .append(e.recipientId() == null ? "" : "台账对象")
                    .append("</td><td class=\"sign\"></td></tr>\n");
        }
        return page(
                station + " 签到表",
                ref,
                station,
                "<table><thead><tr><th>序号</th><th>姓名</th><th>联系电话</th><th>备注</th><th>签名</th></tr></thead><tbody>\n"
                        + rows + (entries.isEmpty() ? "<tr><td colspan=\"5\">（仅有纸质签到表照片）</td></tr>" : "")
                        + "</tbody></table>",
                entries.size() + " 人签到",
                photos,
                "纸质签到表照片");
    }

    static byte[] receiptPage(String station, RecordRef ref, List<ReceiptView> entries, List<String> photos) {
        StringBuilder rows = new StringBuilder();
        int i = 1;
        for (ReceiptView e : entries) {
            rows.append("<tr><td>")
                    .append(i++)
                    .append("</td><td>")
                    .append(esc(e.name()))
                    .append("</td><td>")
                    .append(esc(e.item()))
                    .append("</td><td>")
                    .append(esc(e.quantity()))
                    .append("</td><td>")
                    .append(esc(PhoneNumbers.mask(e.phone())))
                    .append("</td><td class=\"sign\"></td></tr>\n");
        }
        return page(
                station + " 物资领取单",
                ref,
                station,
                "<table><thead><tr><th>序号</th><th>领取人</th><th>物品</th><th>数量</th><th>联系电话</th><th>签名</th></tr></thead><tbody>\n"
                        + rows + (entries.isEmpty() ? "<tr><td colspan=\"6\">（仅有纸质领取单据照片）</td></tr>" : "")
                        + "</tbody></table>",
                entries.size() + " 人领取",
                photos,
                "纸质领取单据照片");
    }

    private static byte[] page(
            String title, RecordRef ref, String station, String table, String count, List<String> photos, String what) {
        StringBuilder img = new StringBuilder();
        for (String p : photos) {
            img.append("<figure><img src=\"")
                    .append(esc(p))
                    .append("\" alt=\"")
                    .append(esc(what))
                    .append("\"><figcaption>")
                    .append(esc(p))
                    .append("</figcaption></figure>\n");
        }
        String html = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title>\n<style>@page{size:A4;margin:20mm 15mm}body{font-family:'SimSun','宋体',serif;font-size:12pt}"
                + "h1{text-align:center;font-size:18pt}table{width:100%;border-collapse:collapse}"
                + "th,td{border:1px solid #000;padding:4px 6px;text-align:left}td.sign{width:25%}"
                + "figure{page-break-inside:avoid;margin:12px 0}img{max-width:100%;max-height:240mm}"
                + ".meta{margin:6px 0}</style></head><body>\n<h1>" + esc(title) + "</h1>\n<p class=\"meta\">活动："
                + esc(ref.title()) + "　日期：" + ref.date() + "　社工站：" + esc(station) + "　记录编号：" + ref.id()
                + "</p>\n" + table + "\n<p class=\"meta\">共 " + esc(count) + "。联系电话已隐去中间四位。</p>\n"
                + (photos.isEmpty() ? "" : "<h2>" + esc(what) + "</h2>\n" + img)
                + "</body></html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }

    // ---- the table of contents ----------------------------------------------------------------------

    /** 目录.xlsx: the records (sheet 目录) and every file of the ZIP (sheet 文件清单), streamed to the ZIP. */
    private static final class Toc {
        final List<List<String>> records = new ArrayList<>();
        final List<Object[]> files = new ArrayList<>();

        void record(List<String> row) {
            records.add(row);
        }

        void file(String name, String kind, long size, String station, String note) {
            files.add(new Object[] {name, kind, size, station, note});
        }

        void write(OutputStream out) throws IOException {
            try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
                Sheet sheet = book.createSheet("目录");
                header(sheet, "社工站", "任务", "指标编码", "指标", "考核期", "日期", "记录", "记录编号", "文件");
                for (int r = 0; r < records.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<String> values = records.get(r);
                    for (int c = 0; c < values.size(); c++) {
                        if (c == 7) {
                            row.createCell(c).setCellValue(Long.parseLong(values.get(c)));
                        } else {
                            row.createCell(c).setCellValue(cn.sgz.shared.excel.XlsxTable.neutralize(values.get(c)));
                        }
                    }
                }
                Sheet list = book.createSheet("文件清单");
                header(list, "文件", "类别", "大小（字节）", "社工站", "说明");
                for (int r = 0; r < files.size(); r++) {
                    Row row = list.createRow(r + 1);
                    Object[] f = files.get(r);
                    row.createCell(0).setCellValue(cn.sgz.shared.excel.XlsxTable.neutralize((String) f[0]));
                    row.createCell(1).setCellValue((String) f[1]);
                    row.createCell(2).setCellValue((Long) f[2]);
                    row.createCell(3).setCellValue(cn.sgz.shared.excel.XlsxTable.neutralize((String) f[3]));
                    row.createCell(4).setCellValue(cn.sgz.shared.excel.XlsxTable.neutralize((String) f[4]));
                }
                book.write(out);
                book.dispose();
            }
        }

        private static void header(Sheet sheet, String... names) {
            Row h = sheet.createRow(0);
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
            }
        }
    }

    /** A name safe inside a ZIP on Windows and Unix: no separators, reserved or control characters, ≤ 80 chars. */
    static String safe(String text) {
        String s = text == null
                ? ""
                : text.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.length() > 80) {
            s = s.substring(0, 80);
        }
        return s.isEmpty() ? "_" : s;
    }

    private static String extension(String contentType) {
        return switch (contentType == null ? "" : contentType) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }
}
