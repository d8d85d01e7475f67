package cn.sgz.activity.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Procedural, photograph-like pictures of activity rooms and outdoor sites for demo data, tests and
 * the benchmark (the machines have no internet and no photo library). A scene is fixed by its
 * {@code sceneSeed} (walls, window, banner, light); {@code layoutSeed} places the movable objects
 * (tables, chairs, people, goods) and {@code viewShift} moves the camera sideways, so the same room
 * can be "photographed" again with people moved or from another angle.
 */
public final class DemoPhotos {

    private DemoPhotos() {}

    public static BufferedImage scene(long sceneSeed, long layoutSeed, double viewShift, int width, int height) {
        Random room = new Random(sceneSeed);
        boolean outdoor = room.nextInt(4) == 0;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int w = width;
        int h = height;
        // camera: moving sideways shifts far walls less than near objects (parallax), as a real second shot does
        g.setTransform(camera(w, h, viewShift * 0.35, 1.0 + Math.abs(viewShift) * 0.3));
        int horizon = (int) (h * (0.52 + room.nextDouble() * 0.16));
        if (outdoor) {
            drawOutdoor(g, room, w, h, horizon);
        } else {
            drawRoom(g, room, w, h, horizon);
        }
        Random layout = new Random(layoutSeed);
        int objects = 6 + layout.nextInt(9);
        java.util.List<double[]> placed = new java.util.ArrayList<>();
        for (int i = 0; i < objects; i++) {
            placed.add(new double[] {
                layout.nextInt(6),
                layout.nextInt(w),
                horizon + layout.nextInt(Math.max(1, h - horizon)),
                layout.nextLong()
            });
        }
        placed.sort(java.util.Comparator.comparingDouble(o -> o[2])); // far objects first
        for (double[] o : placed) {
            double near = (o[2] - horizon) / Math.max(1, h - horizon);
            g.setTransform(camera(w, h, viewShift * (0.35 + 0.9 * near), 1.0 + Math.abs(viewShift) * 0.3));
            drawObject(g, new Random((long) o[3]), (int) o[0], (int) o[1], (int) o[2], h, horizon);
        }
        g.setTransform(new AffineTransform());
        g.dispose();
        light(img, room);
        noise(img, new Random(sceneSeed * 31 + layoutSeed), 3.5);
        return img;
    }

    private static void drawRoom(Graphics2D g, Random r, int w, int h, int horizon) {
        Color wall = hsb(r.nextFloat(), 0.08f + r.nextFloat() * 0.25f, 0.75f + r.nextFloat() * 0.2f);
        g.setPaint(new GradientPaint(0, 0, wall.brighter(), 0, horizon, wall.darker()));
        g.fillRect(-w, -h, w * 3, horizon + h);
        Color floor = hsb(r.nextFloat(), 0.15f + r.nextFloat() * 0.3f, 0.35f + r.nextFloat() * 0.35f);
        g.setPaint(new GradientPaint(0, horizon, floor, 0, h, floor.darker()));
        g.fillRect(-w, horizon, w * 3, h * 2);
        g.setColor(floor.darker());
        g.setStroke(new BasicStroke(2));
        for (int i = -6; i <= 12; i++) {
            g.drawLine(w / 2 + (i - 3) * w / 12, horizon, w / 2 + (i - 3) * w / 3, h * 2);
        }
        int windows = 1 + r.nextInt(3);
        for (int i = 0; i < windows; i++) {
            int ww = w / 6 + r.nextInt(w / 6);
            int wh = horizon / 3 + r.nextInt(horizon / 4);
            int wx = r.nextInt(Math.max(1, w - ww));
            int wy = horizon / 8 + r.nextInt(horizon / 6);
            g.setPaint(new GradientPaint(wx, wy, new Color(170, 205, 240), wx, wy + wh, new Color(235, 245, 255)));
            g.fillRect(wx, wy, ww, wh);
            g.setColor(new Color(90, 90, 95));
            g.setStroke(new BasicStroke(5));
            g.drawRect(wx, wy, ww, wh);
            g.drawLine(wx + ww / 2, wy, wx + ww / 2, wy + wh);
        }
        if (r.nextBoolean()) { // red banner of an activity (横幅)
            int bw = w / 2 + r.nextInt(w / 4);
            int bx = r.nextInt(Math.max(1, w - bw));
            int by = horizon / 12;
            g.setColor(new Color(190 + r.nextInt(40), 20, 25));
            g.fillRect(bx, by, bw, h / 14);
            g.setColor(new Color(250, 230, 120));
            for (int c = 0; c < 8; c++) {
                g.fillRect(bx + bw / 10 + c * bw / 10, by + h / 50, bw / 14, h / 28);
            }
        }
        g.setColor(new Color(60 + r.nextInt(80), 50 + r.nextInt(60), 40 + r.nextInt(40)));
        int dx = r.nextInt(w);
        g.fillRect(dx, horizon - horizon / 2, w / 9, horizon / 2);
    }

    private static void drawOutdoor(Graphics2D g, Random r, int w, int h, int horizon) {
        g.setPaint(new GradientPaint(0, 0, new Color(90, 150, 225), 0, horizon, new Color(210, 230, 250)));
        g.fillRect(-w, -h, w * 3, horizon + h);
        Color ground = hsb(0.08f + r.nextFloat() * 0.25f, 0.25f + r.nextFloat() * 0.3f, 0.4f + r.nextFloat() * 0.3f);
        g.setPaint(new GradientPaint(0, horizon, ground, 0, h, ground.darker()));
        g.fillRect(-w, horizon, w * 3, h * 2);
        int buildings = 3 + r.nextInt(5);
        for (int i = 0; i < buildings; i++) {
            int bw = w / 8 + r.nextInt(w / 5);
            int bh = horizon / 3 + r.nextInt(horizon / 2);
            int bx = -w / 4 + r.nextInt(w + w / 2);
            Color c = hsb(r.nextFloat() * 0.15f, 0.1f + r.nextFloat() * 0.3f, 0.55f + r.nextFloat() * 0.35f);
            g.setColor(c);
            g.fillRect(bx, horizon - bh, bw, bh);
            g.setColor(c.darker().darker());
            for (int yy = horizon - bh + 10; yy < horizon - 15; yy += 22) {
                for (int xx = bx + 8; xx < bx + bw - 12; xx += 20) {
                    g.fillRect(xx, yy, 9, 12);
                }
            }
        }
    }

    private static AffineTransform camera(int w, int h, double shift, double zoom) {
        AffineTransform camera = new AffineTransform();
        camera.translate(w / 2.0, h / 2.0);
        camera.scale(zoom, zoom);
        camera.translate(-w / 2.0 - shift * w, -h / 2.0);
        return camera;
    }

    private static void drawObject(Graphics2D g, Random r, int kind, int x, int y, int h, int horizon) {
        double depth = 0.5 + 1.2 * (y - horizon) / (double) Math.max(1, h - horizon);
        int s = (int) (h / 4.5 * depth);
        switch (kind) {
            case 0 -> { // table
                g.setColor(hsb(0.07f, 0.5f + r.nextFloat() * 0.3f, 0.35f + r.nextFloat() * 0.3f));
                g.fillRect(x - s, y - s / 2, s * 2, s / 5);
                g.fillRect(x - s + 4, y - s / 2, s / 10, s / 2);
                g.fillRect(x + s - 4 - s / 10, y - s / 2, s / 10, s / 2);
            }
            case 1, 2, 3 -> { // person
                Color cloth = hsb(r.nextFloat(), 0.4f + r.nextFloat() * 0.5f, 0.3f + r.nextFloat() * 0.6f);
                g.setColor(cloth);
                g.fillRoundRect(x - s / 4, y - s * 3 / 2, s / 2, s, s / 5, s / 5);
                g.setColor(new Color(225, 190, 160));
                g.fillOval(x - s / 7, y - s * 3 / 2 - s / 3, s * 2 / 7, s / 3);
                g.setColor(new Color(30, 30, 35));
                g.fillRect(x - s / 5, y - s / 2, s / 8, s / 2);
                g.fillRect(x + s / 10, y - s / 2, s / 8, s / 2);
            }
            case 4 -> { // plant
                g.setColor(new Color(30 + r.nextInt(40), 110 + r.nextInt(60), 40 + r.nextInt(30)));
                g.fillOval(x - s / 3, y - s, s * 2 / 3, s * 2 / 3);
                g.setColor(new Color(120, 70, 40));
                g.fillRect(x - s / 8, y - s / 3, s / 4, s / 3);
            }
            default -> { // goods being handed out
                g.setColor(hsb(r.nextFloat(), 0.5f, 0.8f));
                g.fillRect(x - s / 3, y - s / 3, s * 2 / 3, s / 3);
                g.setColor(Color.WHITE);
                g.fillRect(x - s / 6, y - s / 4, s / 3, s / 12);
            }
        }
    }

    private static void light(BufferedImage img, Random r) {
        int w = img.getWidth();
        int h = img.getHeight();
        double cx = w * (0.3 + r.nextDouble() * 0.4);
        double cy = h * (0.2 + r.nextDouble() * 0.3);
        double max = Math.hypot(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double f = 1.12 - 0.35 * Math.hypot(x - cx, y - cy) / max;
                int p = img.getRGB(x, y);
                img.setRGB(x, y, rgb((p >> 16 & 0xFF) * f, (p >> 8 & 0xFF) * f, (p & 0xFF) * f));
            }
        }
    }

    private static void noise(BufferedImage img, Random r, double sigma) {
        int w = img.getWidth();
        int h = img.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                double n = r.nextGaussian() * sigma;
                img.setRGB(x, y, rgb((p >> 16 & 0xFF) + n, (p >> 8 & 0xFF) + n, (p & 0xFF) + n));
            }
        }
    }

    private static int rgb(double r, double g, double b) {
        return (c(r) << 16) | (c(g) << 8) | c(b);
    }

    private static int c(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static Color hsb(float hue, float sat, float bri) {
        return Color.getHSBColor(hue, Math.min(1, sat), Math.min(1, bri));
    }

    /** Encodes as baseline JPEG at the given quality (0..1), without any metadata. */
    public static byte[] jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                BufferedImage rgb = image;
                if (image.getType() != BufferedImage.TYPE_INT_RGB) {
                    rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                    rgb.getGraphics().drawImage(image, 0, 0, null);
                }
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
