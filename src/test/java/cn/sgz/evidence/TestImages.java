package cn.sgz.evidence;

import cn.sgz.activity.internal.DemoPhotos;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real images made in the test: synthetic scenes, their transformed copies, EXIF, hostile files. */
public final class TestImages {

    private TestImages() {}

    public static BufferedImage scene(long seed) {
        return DemoPhotos.scene(seed, seed * 7 + 1, 0, 960, 720);
    }

    public static BufferedImage read(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(BufferedImage img, float q) {
        return DemoPhotos.jpeg(img, q);
    }

    public static BufferedImage resize(BufferedImage s, double f) {
        int w = (int) (s.getWidth() * f);
        int h = (int) (s.getHeight() * f);
        BufferedImage d = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = d.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(s, 0, 0, w, h, null);
        g.dispose();
        return d;
    }

    /** Cuts the given fractions off the left, top, right and bottom. */
    public static BufferedImage crop(BufferedImage s, double l, double t, double r, double b) {
        int w = s.getWidth();
        int h = s.getHeight();
        int x0 = (int) (w * l);
        int y0 = (int) (h * t);
        int x1 = (int) (w * (1 - r));
        int y1 = (int) (h * (1 - b));
        BufferedImage d = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_INT_RGB);
        d.getGraphics().drawImage(s.getSubimage(x0, y0, x1 - x0, y1 - y0), 0, 0, null);
        return d;
    }

    public static BufferedImage brightness(BufferedImage s, int add, double mul) {
        BufferedImage d = new BufferedImage(s.getWidth(), s.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s.getHeight(); y++) {
            for (int x = 0; x < s.getWidth(); x++) {
                int p = s.getRGB(x, y);
                d.setRGB(
                        x,
                        y,
                        (c((p >> 16 & 255) * mul + add) << 16)
                                | (c((p >> 8 & 255) * mul + add) << 8)
                                | c((p & 255) * mul + add));
            }
        }
        return d;
    }

    /** What a third-party watermark-camera app does: a dark band with a time and place at the bottom left. */
    public static BufferedImage stamp(BufferedImage s, String text) {
        BufferedImage d = new BufferedImage(s.getWidth(), s.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = d.createGraphics();
        g.drawImage(s, 0, 0, null);
        int w = s.getWidth();
        int h = s.getHeight();
        g.setColor(new Color(0, 0, 0, 110));
        g.fillRect(w / 40, h - h / 5, w / 2, h / 6);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, h / 22));
        g.drawString(text, w / 30, h - h / 5 + h / 18);
        g.drawString("40.6010N 109.9702E", w / 30, h - h / 5 + h / 9);
        g.dispose();
        return d;
    }

    private static int c(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /**
     * A JPEG with a minimal EXIF APP1 segment (big-endian TIFF): DateTimeOriginal and, when given,
     * a GPS position, inserted right after the SOI marker.
     */
    public static byte[] withExif(byte[] jpeg, LocalDateTime taken, Double lat, Double lon) {
        boolean gps = lat != null && lon != null;
        ByteBuffer t = ByteBuffer.allocate(200);
        t.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        int ifd0Entries = gps ? 2 : 1;
        int ifd0Size = 2 + ifd0Entries * 12 + 4;
        int exifIfd = 8 + ifd0Size;
        int exifSize = 2 + 12 + 4;
        int gpsIfd = exifIfd + exifSize;
        int gpsSize = gps ? 2 + 4 * 12 + 4 : 0;
        int dateAt = gpsIfd + gpsSize;
        int latAt = dateAt + 20;
        int lonAt = latAt + 24;
        t.putShort((short) ifd0Entries);
        entry(t, 0x8769, 4, 1, exifIfd);
        if (gps) {
            entry(t, 0x8825, 4, 1, gpsIfd);
        }
        t.putInt(0);
        t.putShort((short) 1);
        entry(t, 0x9003, 2, 20, dateAt);
        t.putInt(0);
        if (gps) {
            t.putShort((short) 4);
            t.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {(byte) (lat >= 0 ? 'N' : 'S'), 0, 0, 0
            });
            entry(t, 2, 5, 3, latAt);
            t.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {(byte) (lon >= 0 ? 'E' : 'W'), 0, 0, 0
            });
            entry(t, 4, 5, 3, lonAt);
            t.putInt(0);
        }
        t.put((taken.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")) + "\0")
                .getBytes(StandardCharsets.US_ASCII));
        if (gps) {
            rational(t, Math.abs(lat));
            rational(t, Math.abs(lon));
        }
        byte[] tiff = java.util.Arrays.copyOf(t.array(), t.position());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int len = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void rational(ByteBuffer b, double degrees) {
        int d = (int) degrees;
        double m = (degrees - d) * 60;
        int mi = (int) m;
        double s = (m - mi) * 60;
        b.putInt(d)
                .putInt(1)
                .putInt(mi)
                .putInt(1)
                .putInt((int) Math.round(s * 1000))
                .putInt(1000);
    }

    /** A PNG whose header claims the given size, with no real pixel data: a decompression bomb's header. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        ByteBuffer len = ByteBuffer.allocate(4).putInt(data.length);
        out.writeBytes(len.array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
