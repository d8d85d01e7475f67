package cn.sgz.recipient.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Looks at an upload before any spreadsheet parser does: decides xlsx or csv by content (not by file
 * name), and refuses what must not be parsed — empty files, old binary workbooks, macro-enabled
 * workbooks, zip bombs, XML with DOCTYPE declarations (XXE), sheets with more rows than allowed — in
 * one streaming pass that never holds more than a small buffer of decompressed data.
 */
final class UploadGuard {

    enum Kind {
        XLSX,
        XLS,
        CSV
    }

    private static final byte[] ROW_TAG = "<row ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROW_TAG_BARE = "<row>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOCTYPE_LOWER = "<!doctype".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX_INFLATED = 600L * 1024 * 1024;
    private static final int MAX_ENTRIES = 2000;

    private UploadGuard() {}

    static Kind inspect(byte[] content, long maxBytes, int maxRows) {
        if (content == null || content.length == 0) {
            throw new ImportRefusedException("文件是空的，请选择填写好的名单文件");
        }
        if (content.length > maxBytes) {
            throw new ImportRefusedException("文件超过" + (maxBytes / 1024 / 1024) + "MB上限，请分成几个文件导入");
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            inspectZip(content, maxRows);
            return Kind.XLSX;
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            // An OLE2 file: an old .xls workbook (read by HSSF), or an encrypted xlsx / Word .doc (refused when read)
            return Kind.XLS;
        }
        if (startsWith(content, 0x25, 0x50, 0x44, 0x46)
                || startsWith(content, 0x89, 0x50, 0x4E, 0x47)
                || startsWith(content, 0xFF, 0xD8, 0xFF)
                || startsWith(content, 0x47, 0x49, 0x46, 0x38)
                || startsWith(content, 0x7B, 0x5C, 0x72, 0x74, 0x66)
                || startsWith(content, 0x50, 0x4B, 0x05, 0x06)) {
            throw new ImportRefusedException("这不是表格文件（看起来是 PDF、图片或文档），请上传 .xlsx 或 .csv 名单");
        }
        if (!looksLikeText(content)) {
            throw new ImportRefusedException("无法识别的文件格式：不是 .xlsx 工作簿，也不是文本格式的 .csv，请上传 .xlsx 或 .csv 名单");
        }
        return Kind.CSV;
    }

    private static void inspectZip(byte[] content, int maxRows) {
        long budget = Math.min(MAX_INFLATED, 100L * content.length + 20L * 1024 * 1024);
        long inflated = 0;
        int entries = 0;
        boolean workbook = false;
        byte[] buffer = new byte[64 * 1024];
        try (ZipArchiveInputStream zip =
                new ZipArchiveInputStream(new ByteArrayInputStream(content), "UTF-8", true, true)) {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!zip.canReadEntryData(entry)) {
                    throw new ImportRefusedException("文件使用了不支持的压缩方式或已加密，无法读取");
                }
                if (++entries > MAX_ENTRIES) {
                    throw new ImportRefusedException("文件内部条目过多，疑似恶意文件，已拒绝");
                }
                String name = entry.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("xl/workbook.xml")) {
                    workbook = true;
                }
                if (lower.endsWith("vbaproject.bin")
                        || lower.startsWith("xl/activex/")
                        || lower.contains("vbadata")
                        || lower.endsWith(".bin")
                                && lower.startsWith("xl/")
                                && !lower.startsWith("xl/printersettings/")) {
                    throw new ImportRefusedException("文件含有宏或控件（如 .xlsm），为安全起见不予导入；请另存为普通 .xlsx 工作簿后再导入");
                }
                boolean xml = lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml");
                boolean sheet = lower.startsWith("xl/worksheets/") && lower.endsWith(".xml");
                boolean contentTypes = lower.equals("[content_types].xml");
                ByteArrayOutputStream types = contentTypes ? new ByteArrayOutputStream() : null;
                Matcher rows = new Matcher(ROW_TAG);
                Matcher bareRows = new Matcher(ROW_TAG_BARE);
                Matcher doctype = new Matcher(DOCTYPE);
                Matcher doctypeLower = new Matcher(DOCTYPE_LOWER);
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    inflated += n;
                    if (inflated > budget) {
                        throw new ImportRefusedException("文件解压后体积异常巨大（疑似“压缩炸弹”），已拒绝导入");
                    }
                    if (xml && (doctype.feed(buffer, n) > 0 || doctypeLower.feed(buffer, n) > 0)) {
                        throw new ImportRefusedException("文件包含不安全的 XML 声明（DOCTYPE/外部实体），已拒绝导入");
                    }
                    if (sheet
                            && rows.feed(buffer, n) + bareRows.feed(buffer, n) > 0
                            && rows.count + bareRows.count > maxRows + 1L) {
                        throw tooManyRows(maxRows);
                    }
                    if (types != null && types.size() < 1024 * 1024) {
                        types.write(buffer, 0, n);
                    }
                }
                if (types != null
                        && types.toString(StandardCharsets.UTF_8)
                                .toLowerCase(Locale.ROOT)
                                .contains("macroenabled")) {
                    throw new ImportRefusedException("文件是启用宏的工作簿（.xlsm），为安全起见不予导入；请另存为普通 .xlsx 工作簿后再导入");
                }
            }
        } catch (ZipException e) {
            throw new ImportRefusedException("文件已损坏或不是有效的 .xlsx 工作簿，无法读取");
        } catch (IOException e) {
            throw new ImportRefusedException("文件已损坏或不是有效的 .xlsx 工作簿，无法读取");
        }
        if (entries == 0) {
            throw new ImportRefusedException("文件已损坏或不是有效的 .xlsx 工作簿，无法读取");
        }
        if (!workbook) {
            throw new ImportRefusedException("这是压缩包或其他 Office 文档，不是 Excel 工作簿；请上传 .xlsx 或 .csv 名单");
        }
    }

    static ImportRefusedException tooManyRows(int maxRows) {
        return new ImportRefusedException("名单行数超过上限（每次最多" + maxRows + "行），已停止读取，未写入任何数据；请拆分后分批导入");
    }

    private static boolean looksLikeText(byte[] content) {
        int limit = Math.min(content.length, 64 * 1024);
        int control = 0;
        for (int i = 0; i < limit; i++) {
            int b = content[i] & 0xFF;
            if (b == 0) {
                // UTF-16 text has NULs; accept only with its byte order mark.
                return startsWith(content, 0xFF, 0xFE) || startsWith(content, 0xFE, 0xFF);
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                control++;
            }
        }
        return control <= limit / 100;
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Counts occurrences of a byte pattern across buffer boundaries (the pattern has no self-overlap). */
    static final class Matcher {
        private final byte[] pattern;
        private int matched;
        long count;

        Matcher(byte[] pattern) {
            this.pattern = pattern;
        }

        int feed(byte[] buf, int len) {
            int found = 0;
            for (int i = 0; i < len; i++) {
                byte b = buf[i];
                if (b == pattern[matched]) {
                    if (++matched == pattern.length) {
                        found++;
                        matched = 0;
                    }
                } else {
                    matched = b == pattern[0] ? 1 : 0;
                }
            }
            count += found;
            return found;
        }
    }

    static InputStream stream(byte[] content) {
        return new ByteArrayInputStream(content);
    }
}
