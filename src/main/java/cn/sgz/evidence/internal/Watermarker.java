package cn.sgz.evidence.internal;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stamps time, place and station onto a copy of a photo (水印照片). Chinese needs a CJK font on the
 * server: without one Java draws empty boxes, so the stamper looks for a font that can really
 * display Chinese and, when there is none, draws only the parts that need no Chinese (time,
 * coordinates) and says so clearly, instead of printing boxes silently.
 */
@Component
public class Watermarker {

    private static final Logger log = LoggerFactory.getLogger(Watermarker.class);
    static final String NO_FONT_WARNING =
            "服务器未安装中文字体（如 fonts-noto-cjk 或 fonts-wqy-zenhei），" + "水印中只印了时间和经纬度，未印站名和地点。请联系管理员安装中文字体。";
    private static final String PROBE = "社工站水印街道";
    private static final List<String> PREFERRED = List.of(
            "Noto Sans CJK SC",
            "Noto Sans SC",
            "Source Han Sans SC",
            "WenQuanYi Zen Hei",
            "WenQuanYi Micro Hei",
            "Microsoft YaHei",
            "PingFang SC",
            "SimHei",
            "SimSun",
            "Noto Serif CJK SC",
            "AR PL UMing CN");

    private final String family;

    public Watermarker() {
        this.family = findCjkFamily();
        if (family == null) {
            log.warn("未找到可显示中文的字体：水印将只包含时间和经纬度。请安装 fonts-noto-cjk 或 fonts-wqy-zenhei。");
        } else {
            log.info("水印字体：{}", family);
        }
    }

    public boolean cjkFontAvailable() {
        return family != null;
    }

    public String fontFamily() {
        return family;
    }

    private static String findCjkFamily() {
        try {
            String[] families =
                    GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            List<String> candidates = new ArrayList<>(PREFERRED);
            for (String f : families) {
                if (!candidates.contains(f)) {
                    candidates.add(f);
                }
            }
            java.util.Set<String> installed = java.util.Set.of(families);
            for (String name : candidates) {
                if (!installed.contains(name)) {
                    continue;
                }
                Font font = new Font(name, Font.PLAIN, 20);
                // logical fonts (Dialog, SansSerif) may claim glyphs they draw as boxes: require a real family
                if (font.getFamily().equals(name) && font.canDisplayUpTo(PROBE) == -1) {
                    return name;
                }
            }
        } catch (Throwable e) {
            log.warn("无法枚举系统字体：{}", e.toString());
        }
        return null;
    }

    /** Result: the stamped copy and whether Chinese text had to be left out. */
    record Stamped(BufferedImage image, boolean chineseOmitted) {}

    /**
     * Draws the lines at the bottom left on a half-transparent band. Lines containing Chinese are
     * dropped when no CJK font exists (and {@code chineseOmitted} is set).
     */
    Stamped stamp(BufferedImage source, List<String> lines) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(source, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        boolean omitted = false;
        List<String> drawn = new ArrayList<>();
        for (String line : lines) {
            if (line == null || line.isBlank()) {
                continue;
            }
            if (family == null && !line.chars().allMatch(c -> c < 0x2E80)) {
                omitted = true;
                continue;
            }
            drawn.add(line);
        }
        int size = Math.max(14, Math.min(source.getWidth(), source.getHeight()) / 24);
        Font font = new Font(family == null ? Font.SANS_SERIF : family, Font.BOLD, size);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int lineHeight = fm.getHeight();
        int width = 0;
        for (String line : drawn) {
            width = Math.max(width, fm.stringWidth(line));
        }
        int pad = size / 2;
        int boxH = lineHeight * drawn.size() + pad * 2;
        int boxW = Math.min(source.getWidth() - pad * 2, width + pad * 2);
        int x = pad;
        int y = source.getHeight() - boxH - pad;
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
        g.setColor(Color.BLACK);
        g.fillRoundRect(x, y, boxW, boxH, pad, pad);
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(new Color(0xFF, 0xD5, 0x4F));
        g.fillRect(x, y, Math.max(3, size / 6), boxH);
        g.setColor(Color.WHITE);
        int ty = y + pad + fm.getAscent();
        for (String line : drawn) {
            g.drawString(line, x + pad, ty);
            ty += lineHeight;
        }
        g.dispose();
        return new Stamped(out, omitted);
    }
}
