package cn.sgz.bench;

import cn.sgz.activity.internal.DemoPhotos;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The evaluation set of the duplicate detector: base photographs (procedural photo-like scenes of
 * rooms and outdoor sites, plus any real JPEG/PNG photos found on this machine), their transformed
 * copies (which must be caught) and other shots of the same scenes (which must not be).
 * {@code main} writes the set to a folder so it can be looked at.
 */
public final class PhotoSetGenerator {

    public record Item(String base, String transform, boolean copy, byte[] jpeg) {
    }

    public static final List<String> COPY_TRANSFORMS = List.of("identical", "resize50", "recompress40", "crop5-centre",
            "crop5-right", "crop5-corner", "brighter30", "darker30", "contrast", "rewatermark", "rewatermark+resize");

    /** Where real photographs are looked for (Debian packages mate-backgrounds and ukui-wallpapers ship some). */
    public static final List<Path> REAL_ROOTS = List.of(Path.of("/usr/share/backgrounds"), Path.of("/root/photos"));

    /** Real photos the generator leaves out: drawings, gradients and logos, not photographs. */
    private static final List<String> NOT_PHOTOS = List.of("arc-colors", "flow", "gulp", "silk", "spring", "waves",
            "float-into", "stripes", "ubuntu-mate", "greentraditional", "fluent", "focal", "rollpaper", "string",
            "rhythm", "_3840x2160", "_5640x3172");

    /**
     * Base photos: {@code synthetic} scenes and up to {@code realMax} real photographs from {@code realRoots}.
     * A real photograph's base is a window of 80 % of its width (the rest is kept for the "camera panned" shot).
     */
    public static Map<String, BufferedImage> bases(int synthetic, int realMax, List<Path> realRoots) {
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        for (int i = 0; i < synthetic; i++) {
            out.put("scene-" + i, read(DemoPhotos.jpeg(DemoPhotos.scene(50_000 + i, 90_000 + i, 0, 1024, 768), 0.92f)));
        }
        for (Map.Entry<String, BufferedImage> e : realSources(realMax, realRoots).entrySet()) {
            out.put(e.getKey(), crop(e.getValue(), 0.02, 0.05, 0.18, 0.05));
        }
        return out;
    }

    /** Real photographs, scaled to at most 1600 px, keyed "real-N-name". */
    public static Map<String, BufferedImage> realSources(int realMax, List<Path> realRoots) {
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        int real = 0;
        for (Path root : realRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> found;
            try (Stream<Path> files = Files.walk(root, 12)) {
                found = files.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException | RuntimeException e) {
                continue;
            }
            for (Path p : found) {
                String n = p.getFileName().toString().toLowerCase();
                if (real >= realMax || !(n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png"))
                        || NOT_PHOTOS.stream().anyMatch(n::contains)) {
                    continue;
                }
                try {
                    if (Files.size(p) < 15_000) {
                        continue;
                    }
                    BufferedImage img = ImageIO.read(p.toFile());
                    if (img != null && img.getWidth() >= 400 && img.getHeight() >= 300) {
                        double f = Math.min(1.0, 1600.0 / Math.max(img.getWidth(), img.getHeight()));
                        out.put("real-" + real++ + "-" + p.getFileName(), f < 1 ? resize(rgb(img), f) : rgb(img));
                    }
                } catch (IOException | RuntimeException ignored) {
                    // unreadable file: skip
                }
            }
        }
        return out;
    }

    /** Other shots of a real photograph's scene: the camera panned 15 % / 20 % of the source width. */
    public static List<Item> realOthers(String name, BufferedImage source) {
        return List.of(
                new Item(name, "real-camera-panned15", false,
                        DemoPhotos.jpeg(crop(source, 0.17, 0.05, 0.03, 0.05), 0.9f)),
                new Item(name, "real-camera-panned20+zoom", false,
                        DemoPhotos.jpeg(crop(source, 0.20, 0.08, 0.0, 0.08), 0.9f)));
    }

    /** Transformed copies of a base photo. */
    public static List<Item> copies(String name, BufferedImage o) {
        List<Item> out = new ArrayList<>();
        for (String t : COPY_TRANSFORMS) {
            BufferedImage img = switch (t) {
                case "resize50" -> resize(o, 0.5);
                case "crop5-centre" -> crop(o, 0.025, 0.025, 0.025, 0.025);
                case "crop5-right" -> crop(o, 0, 0, 0.05, 0);
                case "crop5-corner" -> crop(o, 0, 0, 0.05, 0.05);
                case "brighter30" -> tone(o, 30, 1);
                case "darker30" -> tone(o, -30, 1);
                case "contrast" -> tone(o, -12, 1.2);
                case "rewatermark" -> stamp(o);
                case "rewatermark+resize" -> resize(stamp(o), 0.6);
                default -> o;
            };
            float q = t.equals("recompress40") ? 0.4f : 0.88f;
            out.add(new Item(name, t, true, DemoPhotos.jpeg(img, q)));
        }
        return out;
    }

    /** Other shots of a synthetic scene (people moved, camera moved): must not be flagged. */
    public static List<Item> sameSceneOthers(int i) {
        long scene = 50_000 + i;
        return List.of(
                new Item("scene-" + i, "same-room-people-moved", false,
                        DemoPhotos.jpeg(DemoPhotos.scene(scene, 190_000 + i, 0, 1024, 768), 0.9f)),
                new Item("scene-" + i, "same-room-angle10", false,
                        DemoPhotos.jpeg(DemoPhotos.scene(scene, 90_000 + i, 0.10, 1024, 768), 0.9f)),
                new Item("scene-" + i, "same-room-angle20", false,
                        DemoPhotos.jpeg(DemoPhotos.scene(scene, 90_000 + i, 0.20, 1024, 768), 0.9f)));
    }

    static BufferedImage read(byte[] b) {
        try {
            return ImageIO.read(new ByteArrayInputStream(b));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static BufferedImage rgb(BufferedImage s) {
        BufferedImage d = new BufferedImage(s.getWidth(), s.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = d.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, s.getWidth(), s.getHeight());
        g.drawImage(s, 0, 0, null);
        g.dispose();
        return d;
    }

    static BufferedImage resize(BufferedImage s, double f) {
        int w = Math.max(8, (int) (s.getWidth() * f));
        int h = Math.max(8, (int) (s.getHeight() * f));
        BufferedImage d = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = d.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(s, 0, 0, w, h, null);
        g.dispose();
        return d;
    }

    static BufferedImage crop(BufferedImage s, double l, double t, double r, double b) {
        int w = s.getWidth();
        int h = s.getHeight();
        int x0 = (int) (w * l);
        int y0 = (int) (h * t);
        int x1 = (int) (w * (1 - r));
        int y1 = (int) (h * (1 - b));
        return rgb(s.getSubimage(x0, y0, x1 - x0, y1 - y0));
    }

    static BufferedImage tone(BufferedImage s, int add, double mul) {
        BufferedImage d = new BufferedImage(s.getWidth(), s.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s.getHeight(); y++) {
            for (int x = 0; x < s.getWidth(); x++) {
                int p = s.getRGB(x, y);
                d.setRGB(x, y, (c((p >> 16 & 255) * mul + add) << 16) | (c((p >> 8 & 255) * mul + add) << 8)
                        | c((p & 255) * mul + add));
            }
        }
        return d;
    }

    static BufferedImage stamp(BufferedImage s) {
        BufferedImage d = rgb(s);
        Graphics2D g = d.createGraphics();
        int w = s.getWidth();
        int h = s.getHeight();
        g.setColor(new Color(0, 0, 0, 110));
        g.fillRect(w / 40, h - h / 5, w / 2, h / 6);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, h / 22)));
        g.drawString("2026-05-12 14:03  Tuesday", w / 30, h - h / 5 + h / 18);
        g.drawString("40.60102N 109.97021E", w / 30, h - h / 5 + h / 9);
        g.dispose();
        return d;
    }

    private static int c(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Writes the set as JPEG files: {@code java ... PhotoSetGenerator <folder> [synthetic-count]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/photoset");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Files.createDirectories(dir);
        Map<String, BufferedImage> bases = bases(n, 30, REAL_ROOTS);
        Map<String, BufferedImage> sources = realSources(30, REAL_ROOTS);
        int i = 0;
        for (Map.Entry<String, BufferedImage> e : bases.entrySet()) {
            String safe = e.getKey().replaceAll("[^A-Za-z0-9.-]", "_");
            ImageIO.write(e.getValue(), "jpg", new File(dir.toFile(), safe + "__original.jpg"));
            for (Item it : copies(e.getKey(), e.getValue())) {
                Files.write(dir.resolve(safe + "__" + it.transform() + ".jpg"), it.jpeg());
            }
            if (e.getKey().startsWith("scene-")) {
                for (Item it : sameSceneOthers(i++)) {
                    Files.write(dir.resolve(safe + "__" + it.transform() + ".jpg"), it.jpeg());
                }
            } else if (sources.containsKey(e.getKey())) {
                for (Item it : realOthers(e.getKey(), sources.get(e.getKey()))) {
                    Files.write(dir.resolve(safe + "__" + it.transform() + ".jpg"), it.jpeg());
                }
            }
        }
        System.out.println("wrote " + bases.size() + " base photos and their variants to " + dir.toAbsolutePath());
    }
}
