package cn.sgz.casework.internal;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Distinct, photograph-like pictures for demo sessions (the machines have no photo library): a lit
 * room with windows, tables and people placed by a seed, so no two demo photos are duplicates.
 */
final class DemoImages {

    private DemoImages() {}

    static byte[] jpeg(long seed) {
        Random r = new Random(seed * 7919 + 17);
        int w = 640;
        int h = 480;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int horizon = 200 + r.nextInt(120);
        Color wall = Color.getHSBColor(r.nextFloat(), 0.1f + r.nextFloat() * 0.3f, 0.7f + r.nextFloat() * 0.25f);
        g.setPaint(new GradientPaint(0, 0, wall.brighter(), r.nextInt(w), horizon, wall.darker()));
        g.fillRect(0, 0, w, horizon);
        Color floor = Color.getHSBColor(r.nextFloat(), 0.2f + r.nextFloat() * 0.3f, 0.3f + r.nextFloat() * 0.4f);
        g.setPaint(new GradientPaint(0, horizon, floor, r.nextInt(w), h, floor.darker()));
        g.fillRect(0, horizon, w, h - horizon);
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            int ww = 60 + r.nextInt(140);
            int x = r.nextInt(w - ww);
            g.setColor(new Color(170 + r.nextInt(60), 200 + r.nextInt(40), 230 + r.nextInt(25)));
            g.fillRect(x, 30 + r.nextInt(60), ww, 80 + r.nextInt(80));
        }
        for (int i = 0, n = 8 + r.nextInt(14); i < n; i++) {
            int x = r.nextInt(w);
            int y = horizon + r.nextInt(Math.max(1, h - horizon));
            int s = 18 + (y - horizon) / 3 + r.nextInt(20);
            g.setColor(Color.getHSBColor(r.nextFloat(), 0.4f + r.nextFloat() * 0.5f, 0.3f + r.nextFloat() * 0.6f));
            if (r.nextBoolean()) {
                g.fillRoundRect(x - s, y - s / 2, s * 2, s, 8, 8);
            } else {
                g.fillOval(x - s / 3, y - s * 2, s * 2 / 3, s * 2 / 3);
                g.fillRoundRect(x - s / 2, y - s * 4 / 3, s, s * 3 / 2, 10, 10);
            }
        }
        g.dispose();
        for (int i = 0; i < 4000; i++) { // sensor noise
            int x = r.nextInt(w);
            int y = r.nextInt(h);
            int c = img.getRGB(x, y);
            int d = r.nextInt(21) - 10;
            img.setRGB(
                    x,
                    y,
                    new Color(clamp((c >> 16 & 255) + d), clamp((c >> 8 & 255) + d), clamp((c & 255) + d)).getRGB());
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
