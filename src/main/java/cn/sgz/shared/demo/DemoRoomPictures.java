package cn.sgz.shared.demo;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.function.IntSupplier;
import javax.imageio.ImageIO;

/**
 * Small generated pictures for demo data (charity events, invoices): a lit room or yard with a banner, parcels and
 * people, every seed a different layout, so no two demo photos look alike to the duplicate detector.
 */
public final class DemoRoomPictures {

    private DemoRoomPictures() {}

    public static byte[] jpeg(long seed) {
        Random r = new Random(seed * 7919 + 17);
        int w = 640;
        int h = 480;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int horizon = h / 3 + r.nextInt(h / 3);
        Color wall = Color.getHSBColor(r.nextFloat(), 0.1f + r.nextFloat() * 0.4f, 0.55f + r.nextFloat() * 0.4f);
        g.setPaint(new GradientPaint(0, 0, wall.brighter(), w, horizon, wall.darker()));
        g.fillRect(0, 0, w, horizon);
        Color floor = Color.getHSBColor(r.nextFloat(), 0.2f + r.nextFloat() * 0.4f, 0.3f + r.nextFloat() * 0.4f);
        g.setPaint(new GradientPaint(0, horizon, floor, w / 2f, h, floor.darker()));
        g.fillRect(0, horizon, w, h - horizon);
        // a red banner at a random place and size (横幅)
        g.setColor(new Color(170 + r.nextInt(70), 15 + r.nextInt(30), 20 + r.nextInt(30)));
        int bw = w / 3 + r.nextInt(w / 2);
        int bx = r.nextInt(w - bw + 1);
        g.fillRect(bx, 10 + r.nextInt(Math.max(1, horizon / 3)), bw, 30 + r.nextInt(30));
        // big blocks of colour make the perceptual hash of each seed different
        for (int i = 0; i < 6 + r.nextInt(6); i++) {
            g.setColor(Color.getHSBColor(r.nextFloat(), 0.3f + r.nextFloat() * 0.7f, 0.2f + r.nextFloat() * 0.8f));
            int x = r.nextInt(w);
            int y = r.nextInt(h);
            int s = 40 + r.nextInt(160);
            if (r.nextBoolean()) {
                g.fillRect(x - s / 2, y - s / 2, s, s * 2 / 3);
            } else {
                g.fillOval(x - s / 2, y - s / 2, s / 2, s);
            }
        }
        g.dispose();
        return noisyJpeg(img, () -> (int) (r.nextGaussian() * 4));
    }

    /**
     * The picture as a JPEG, with sensor noise added to every pixel as in a real photo (a flat generated picture
     * compresses to almost nothing and looks like no camera's).
     */
    public static byte[] noisyJpeg(BufferedImage img, IntSupplier noise) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int n = noise.getAsInt();
                img.setRGB(
                        x,
                        y,
                        (clamp((p >> 16 & 0xFF) + n) << 16)
                                | (clamp((p >> 8 & 0xFF) + n) << 8)
                                | clamp((p & 0xFF) + n));
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
