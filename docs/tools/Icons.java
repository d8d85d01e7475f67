// Generates the web app icons in src/main/resources/static/icons (issue 21):
//   java -Djava.awt.headless=true docs/tools/Icons.java src/main/resources/static/icons
// Needs a CJK font (fonts-noto-cjk); the PNG files are committed, so the build does not run this.
import java.awt.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class Icons {
    public static void main(String[] a) throws Exception {
        for (int size : new int[] {192, 512, 180}) {
            draw(size, false, a[0] + "/icon-" + size + ".png");
        }
        draw(512, true, a[0] + "/icon-maskable-512.png");
    }

    static void draw(int size, boolean maskable, String out) throws Exception {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color teal = new Color(0xb3, 0x26, 0x1e);
        g.setColor(teal);
        if (maskable) {
            g.fillRect(0, 0, size, size);
        } else {
            int r = size / 5;
            g.fillRoundRect(0, 0, size, size, r, r);
        }
        g.setColor(Color.WHITE);
        int fontSize = (int) (size * (maskable ? 0.42 : 0.56));
        Font f = new Font("Noto Sans CJK SC", Font.BOLD, fontSize);
        g.setFont(f);
        FontMetrics m = g.getFontMetrics();
        String t = "社";
        int x = (size - m.stringWidth(t)) / 2;
        int y = (size - m.getHeight()) / 2 + m.getAscent() - size / 20;
        g.drawString(t, x, y);
        g.setFont(new Font("Noto Sans CJK SC", Font.BOLD, (int) (size * (maskable ? 0.09 : 0.12))));
        m = g.getFontMetrics();
        String s = "社工站";
        g.drawString(s, (size - m.stringWidth(s)) / 2, (int) (size * (maskable ? 0.76 : 0.9)));
        g.dispose();
        ImageIO.write(img, "png", new File(out));
        System.out.println(out + " " + f.getFontName());
    }
}
