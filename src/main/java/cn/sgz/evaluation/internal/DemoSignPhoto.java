package cn.sgz.evaluation.internal;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A drawn stand-in for the demo station's photo of its new sign board (a wall, a white board with a red emblem
 * and text bars), different per seed so the duplicate-photo check does not flag it.
 */
final class DemoSignPhoto {

    private DemoSignPhoto() {}

    static byte[] jpeg(long seed) {
        Random rnd = new Random(seed * 7919L + 17);
        int w = 640;
        int h = 480;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(196, 186, 170), 0, h, new Color(150, 140, 128)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 400; i++) { // brick texture
            int shade = 120 + rnd.nextInt(60);
            g.setColor(new Color(shade, shade - 10, shade - 20, 60));
            g.fillRect(rnd.nextInt(w), rnd.nextInt(h), 30 + rnd.nextInt(30), 12);
        }
        int bx = 90 + rnd.nextInt(40);
        int by = 110 + rnd.nextInt(30);
        g.setColor(new Color(250, 250, 246));
        g.fillRect(bx, by, 440, 220);
        g.setColor(new Color(180, 30, 30));
        g.fillOval(bx + 24, by + 60, 100, 100);
        g.setColor(Color.WHITE);
        g.fillOval(bx + 49, by + 85, 50, 50);
        g.setColor(new Color(40, 40, 40));
        for (int line = 0; line < 3; line++) {
            g.fillRect(bx + 150, by + 60 + line * 40, 240 - line * 50 - rnd.nextInt(20), 16);
        }
        g.setColor(new Color(90, 90, 90));
        g.fillRect(bx - 6, by + 220, 452, 8);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
            writer.dispose();
            ios.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
