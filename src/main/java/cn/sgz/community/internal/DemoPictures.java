package cn.sgz.community.internal;

import cn.sgz.shared.demo.DemoRoomPictures;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Procedural pictures for the demo data (no photo library on these machines): activity scenes and rules
 * hanging on a wall. Each seed gives a picture whose coarse light-and-dark layout differs from every other
 * seed's, so the duplicate detector sees distinct photos.
 */
final class DemoPictures {

    private static final int W = 640;
    private static final int H = 480;

    private DemoPictures() {}

    /** A scene of an activity: sky or wall, ground, people and things at random places and sizes. */
    static byte[] scene(long seed) {
        Random r = new Random(seed * 7919L + 17);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        int horizon = H / 3 + r.nextInt(H / 3);
        g.setPaint(new GradientPaint(0, 0, color(r, 0.5f, 0.9f), W * r.nextFloat(), horizon, color(r, 0.3f, 0.7f)));
        g.fillRect(0, 0, W, horizon);
        g.setPaint(new GradientPaint(0, horizon, color(r, 0.2f, 0.6f), W, H, color(r, 0.05f, 0.35f)));
        g.fillRect(0, horizon, W, H - horizon);
        blocks(g, r, 5 + r.nextInt(6), horizon);
        for (int i = 0, n = 4 + r.nextInt(9); i < n; i++) { // people
            int x = r.nextInt(W);
            int y = horizon + r.nextInt(Math.max(1, H - horizon));
            int s = 40 + r.nextInt(110);
            g.setColor(color(r, 0.2f, 0.9f));
            g.fillRoundRect(x - s / 4, y - s, s / 2, s, s / 5, s / 5);
            g.setColor(new Color(220, 185, 150));
            g.fillOval(x - s / 7, y - s - s / 3, s * 2 / 7, s / 3);
        }
        return finish(img, g, r);
    }

    /** A framed paper of rules (制度) on a wall, with lines of "text", at a random place and size. */
    static byte[] document(long seed) {
        Random r = new Random(seed * 104729L + 5);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        g.setPaint(new GradientPaint(0, 0, color(r, 0.3f, 0.95f), W, H * r.nextFloat(), color(r, 0.1f, 0.6f)));
        g.fillRect(0, 0, W, H);
        blocks(g, r, 3 + r.nextInt(5), H);
        int pw = W / 4 + r.nextInt(W / 3);
        int ph = H / 3 + r.nextInt(H / 3);
        int px = r.nextInt(W - pw);
        int py = r.nextInt(H - ph);
        g.setColor(color(r, 0.0f, 0.4f));
        g.fillRect(px - 10, py - 10, pw + 20, ph + 20);
        g.setColor(new Color(245, 243, 235));
        g.fillRect(px, py, pw, ph);
        g.setColor(new Color(180 + r.nextInt(60), 20, 30));
        g.fillRect(px + pw / 6, py + 12, pw * 2 / 3, 16 + r.nextInt(10));
        g.setColor(new Color(50, 50, 55));
        g.setStroke(new BasicStroke(3));
        for (int y = py + 50; y < py + ph - 12; y += 12 + r.nextInt(8)) {
            int indent = r.nextInt(4) == 0 ? 24 : 10;
            g.drawLine(px + indent, y, px + indent + (int) ((pw - indent - 14) * (0.4 + 0.6 * r.nextDouble())), y);
        }
        return finish(img, g, r);
    }

    private static void blocks(Graphics2D g, Random r, int n, int maxY) {
        for (int i = 0; i < n; i++) {
            int w = 40 + r.nextInt(W / 2);
            int h = 30 + r.nextInt(Math.max(31, maxY / 2));
            g.setColor(color(r, 0.05f, 0.95f));
            if (r.nextBoolean()) {
                g.fillRect(r.nextInt(W) - w / 2, r.nextInt(Math.max(1, maxY)) - h / 2, w, h);
            } else {
                g.fillOval(r.nextInt(W) - w / 2, r.nextInt(Math.max(1, maxY)) - h / 2, w, h);
            }
        }
    }

    private static Color color(Random r, float minBrightness, float maxBrightness) {
        return Color.getHSBColor(
                r.nextFloat(),
                0.1f + r.nextFloat() * 0.6f,
                minBrightness + r.nextFloat() * (maxBrightness - minBrightness));
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static byte[] finish(BufferedImage img, Graphics2D g, Random r) {
        g.dispose();
        return DemoRoomPictures.noisyJpeg(img, () -> (int) Math.round(r.nextGaussian() * 3));
    }
}
