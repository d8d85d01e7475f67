package cn.sgz.reporting.internal;

import cn.sgz.catalog.ProjectInScope;
import cn.sgz.catalog.ProjectIndicator;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.StoredFile;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.Drilldown;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.RecordFactSource.RecordRef;
import cn.sgz.progress.StationCompliance;
import cn.sgz.progress.SubPeriodResult;
import cn.sgz.reporting.ArchiveJobView;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
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

/**
 * Writes an evidence archive: for every station and indicator, each counted record of every sub-period
 * due by the archive's date, as a folder 社工站/任务/指标/日期 记录 with the record's summary and its
 * photos (the stamped copy where there is one), then 目录.xlsx listing every record and the files the
 * archive holds for it. The ZIP goes to disk entry by entry (one photo in memory at a time) and is
 * renamed into place when complete; the job row carries the progress.
 */
@Component
public class ArchiveBuilder {

    private static final Logger log = LoggerFactory.getLogger(ArchiveBuilder.class);
    private static final String RECORD_OWNER = "SERVICE_RECORD";

    private final ComplianceService compliance;
    private final ProjectQueries projects;
    private final EvidenceService evidence;
    private final ArchiveStore store;
    private final Path dir;
    private final int maxEntries;

    ArchiveBuilder(
            ComplianceService compliance,
            ProjectQueries projects,
            EvidenceService evidence,
            ArchiveStore store,
            @Value("${sgz.data-dir:./data}") String dataDir,
            @Value("${sgz.archive.max-entries:50000}") int maxEntries) {
        this.compliance = compliance;
        this.projects = projects;
        this.evidence = evidence;
        this.store = store;
        this.dir = Paths.get(dataDir, "archives");
        this.maxEntries = maxEntries;
    }

    public Path file(long jobId) {
        return dir.resolve("archive-" + jobId + ".zip");
    }

    /** Builds the job's archive (as the user who asked for it: the caller sets the security context). */
    public void build(long jobId) {
        ArchiveJobView job = store.find(jobId).orElseThrow().view();
        Path part = dir.resolve("archive-" + jobId + ".zip.part");
        try {
            ProjectInScope p = projects.inScope(job.projectId());
            List<StationCompliance> stations = compliance.compute(job.projectId(), job.stationId(), job.asOf());
            List<ProjectIndicator> indicators = p.indicators().stream()
                    .filter(i -> i.indicator().id() != null)
                    .filter(i -> job.indicatorId() == null || i.indicator().id().equals(job.indicatorId()))
                    .toList();
            if (!store.claim(jobId, stations.size() * indicators.size())) {
                return;
            }
            Files.createDirectories(dir);
            List<List<String>> toc = new ArrayList<>();
            Set<String> names = new HashSet<>();
            int done = 0;
            int entries = 0;
            try (ZipOutputStream zip = new ZipOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(part)), StandardCharsets.UTF_8)) {
                for (StationCompliance sc : stations) {
                    for (ProjectIndicator pi : indicators) {
                        IndicatorResult r = sc.byIndicator().get(pi.indicator().id());
                        String folder = safe(sc.stationName()) + "/"
                                + safe(pi.task().code() + " " + pi.task().name()) + "/"
                                + safe(pi.indicator().code() + " "
                                        + pi.indicator().name()) + "/";
                        Set<Long> seen = new HashSet<>();
                        for (SubPeriodResult s : r == null ? List.<SubPeriodResult>of() : r.subPeriods()) {
                            if (s.from().isAfter(job.asOf())) {
                                continue;
                            }
                            Drilldown d = compliance.drilldown(
                                    job.projectId(), pi.indicator().id(), sc.stationId(), job.asOf(), s.label());
                            for (RecordRef ref : d.counted()) {
                                if (!seen.add(ref.id())) {
                                    continue;
                                }
                                String base =
                                        unique(names, folder + safe(ref.date() + " " + ref.title() + " #" + ref.id()));
                                List<String> files = new ArrayList<>();
                                String summary = "记录：" + ref.title() + "\n日期：" + ref.date() + "\n类别："
                                        + (ref.kind() == null ? "" : ref.kind().label()) + "\n考核期：" + s.label()
                                        + "\n指标：" + pi.indicator().code() + " "
                                        + pi.indicator().name()
                                        + "\n社工站：" + sc.stationName() + "\n平台链接：" + ref.link() + "\n";
                                entries += put(zip, files, base + "/记录.txt", summary.getBytes(StandardCharsets.UTF_8));
                                if (ref.link() != null && ref.link().startsWith("/records/")) {
                                    int n = 1;
                                    for (PhotoView photo : evidence.photosOf(RECORD_OWNER, ref.id())) {
                                        if (photo.removed()) {
                                            continue;
                                        }
                                        StoredFile f =
                                                evidence.open(photo.id(), photo.stamped() ? "stamped" : "original");
                                        entries += put(
                                                zip, files, base + "/照片" + n++ + extension(f.contentType()), f.bytes());
                                    }
                                }
                                if (entries > maxEntries) {
                                    throw new IllegalStateException(
                                            "资料包超过上限（" + maxEntries + " 个文件），请按社工站、指标或日期缩小范围后重试");
                                }
                                toc.add(List.of(
                                        sc.stationName(),
                                        pi.task().code() + " " + pi.task().name(),
                                        pi.indicator().code(),
                                        pi.indicator().name(),
                                        s.label(),
                                        String.valueOf(ref.date()),
                                        ref.title(),
                                        String.valueOf(ref.id()),
                                        String.join("；", files)));
                            }
                        }
                        store.progress(jobId, ++done, entries);
                    }
                }
                zip.putNextEntry(new ZipEntry("目录.xlsx"));
                writeToc(toc, new FilterOutputStream(zip) {
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
                entries++;
            }
            Path target = file(jobId);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            store.done(jobId, entries, Files.size(target), target.getFileName().toString());
        } catch (Exception e) {
            log.warn("资料包 {} 生成失败", jobId, e);
            store.failed(jobId, e instanceof IllegalStateException ? e.getMessage() : "生成失败：" + e.getMessage());
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the partial file is left for the operator
            }
        }
    }

    private static void writeToc(List<List<String>> toc, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet("目录");
            String[] head = {"社工站", "任务", "指标编码", "指标", "考核期", "日期", "记录", "记录编号", "文件"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            for (int r = 0; r < toc.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = toc.get(r);
                for (int c = 0; c < values.size(); c++) {
                    if (c == 7) {
                        row.createCell(c).setCellValue(Long.parseLong(values.get(c)));
                    } else {
                        row.createCell(c).setCellValue(cn.sgz.shared.excel.XlsxTable.neutralize(values.get(c)));
                    }
                }
            }
            book.write(out);
            book.dispose();
        }
    }

    private static int put(ZipOutputStream zip, List<String> files, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        files.add(name);
        return 1;
    }

    private static String unique(Set<String> names, String name) {
        String candidate = name;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = name + "（" + i + "）";
        }
        return candidate;
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
