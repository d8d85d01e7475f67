package cn.sgz.bench;

import cn.sgz.activity.internal.DemoPhotos;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The evaluation set of detector version 2 (issue #19): the copies people really make — crops up to
 * 10 % from one or more sides, phone screenshots (1080×2340, black or white bars, status bar, no
 * metadata), quarter and half turns, mirroring, chat-app recompression (long side 1,280 px, quality
 * 70) and combinations — and hard negatives: other shots of a synthetic scene (people moved, camera
 * moved), and for real photographs other windows of the same large photograph (the camera panned or
 * tilted by 15–25 %, also after chat recompression).
 *
 * <p>Real photographs come from Debian packages the first set did not use: {@code lomiri-wallpapers},
 * {@code lomiri-wallpapers-16.04}, {@code lomiri-wallpapers-20.04} and the photographic ones of
 * {@code plasma-workspace-wallpapers}, unpacked with {@code apt-get download} + {@code dpkg -x} into
 * {@code $DUP_PHOTOS} (default {@code /root/dupcache/root}); {@code bench/copyset-photos.sh} does that.
 * {@code main} writes the set as JPEG files to look at.
 */
public final class CopySetGenerator {

    public record Item(String base, String transform, boolean copy, byte[] jpeg) {}

    public static final List<String> COPY_TRANSFORMS = List.of(
            "identical",
            "chat1280q70",
            "recompress40",
            "crop10-left",
            "crop10-top",
            "crop10-right+bottom",
            "crop5-every-side",
            "crop10-every-side",
            "rot90",
            "rot180",
            "rot270",
            "mirror",
            "screenshot-black",
            "screenshot-white",
            "screenshot+chat",
            "rot90+crop8+chat",
            "mirror+crop10+chat",
            "brighter30",
            "rewatermark",
            "crop-random",
            "crop-random+rot+chat",
            "screenshot-random-crop");

    public static Path photoRoot() {
        return Path.of(System.getenv().getOrDefault("DUP_PHOTOS", "/root/dupcache/root"));
    }

    /** Plasma wallpapers that are photographs (the others are drawings and gradients). */
    private static final List<String> PLASMA_PHOTOS = List.of(
            "Altai", "Autumn", "BytheWater", "Canopee", "ColdRipple", "ColorfulCups", "DarkestHour", "EveningGlow",
            "FallenLeaf", "Grey", "IceCold", "Kite", "MilkyWay", "OneStandsOut", "Path", "summer_1am");

    /** Lomiri backgrounds that are not photographs. */
    private static final List<String> NOT_PHOTOS = List.of(
            "analogpattern", "painting-colors", "warty-final", "lomiri-default", "picture_0b", "picture_1a");

    /** Real photographs (long side scaled to at most 1800 px), keyed "real-N-name". */
    public static Map<String, BufferedImage> realSources(int max) {
        Path root = photoRoot();
        List<Path> files = new ArrayList<>();
        Path bg = root.resolve("usr/share/backgrounds");
        if (Files.isDirectory(bg)) {
            try (Stream<Path> s = Files.list(bg)) {
                s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jpg"))
                        .filter(p -> NOT_PHOTOS.stream()
                                .noneMatch(n -> p.getFileName().toString().toLowerCase().contains(n)))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                // skip
            }
        }
        for (String name : PLASMA_PHOTOS) {
            Path images = root.resolve("usr/share/wallpapers/" + name + "/contents/images");
            if (!Files.isDirectory(images)) {
                continue;
            }
            try (Stream<Path> s = Files.list(images)) {
                s.filter(p -> {
                            String[] wh = p.getFileName().toString().replaceAll("\\..*", "").split("x");
                            return wh.length == 2 && Integer.parseInt(wh[0]) > Integer.parseInt(wh[1]);
                        })
                        .max(Comparator.comparingLong(p -> p.toFile().length()))
                        .ifPresent(files::add);
            } catch (IOException | RuntimeException e) {
                // skip
            }
        }
        List<Path> small = new ArrayList<>();
        for (String n : SKIMAGE_PHOTOS) {
            Path p = skimageData().resolve(n);
            if (Files.isRegularFile(p)) {
                small.add(p);
            }
        }
        // interleave, so a small -Dreal still takes some of each package
        List<Path> all = new ArrayList<>();
        for (int i = 0; i < Math.max(files.size(), small.size()); i++) {
            if (i < files.size()) {
                all.add(files.get(i));
            }
            if (i < small.size()) {
                all.add(small.get(i));
            }
        }
        files = all;
        if ("held".equals(System.getProperty("photos"))) {
            // held out of the tuning: the photographs after the first -Dtuning (24) and those of other packages
            List<Path> held = new ArrayList<>(files.subList(Math.min(files.size(), Integer.getInteger("tuning", 24)),
                    files.size()));
            held.addAll(heldOutFiles());
            files = held;
        }
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        for (Path p : files) {
            if (out.size() >= max) {
                break;
            }
            try {
                BufferedImage img = ImageIO.read(p.toFile());
                if (img != null && (img.getWidth() >= 800 || p.toString().contains("skimage") && img.getWidth() >= 300)) {
                    double f = Math.min(1.0, 1800.0 / Math.max(img.getWidth(), img.getHeight()));
                    String name = p.toString().contains("/wallpapers/") && !p.toString().contains("skimage")
                            ? p.getParent().getParent().getParent().getFileName().toString()
                            : p.getFileName().toString();
                    out.put("real-" + out.size() + "-" + name, f < 1 ? PhotoSetGenerator.resize(PhotoSetGenerator.rgb(img), f)
                            : PhotoSetGenerator.rgb(img));
                }
            } catch (IOException | RuntimeException ignored) {
                // unreadable: skip
            }
        }
        return out;
    }

    /**
     * Held-out photographs ({@code -Dphotos=held}) from a package the tuning set never used: {@code mate-backgrounds}
     * nature photographs (among them wood grain, a dune, a meadow, a leaf: textures), unpacked under
     * {@code $DUP_PHOTOS_HELD} (default {@code /root/dupcache/held/root}) by {@code bench/copyset-photos.sh}.
     * ({@code ukui-wallpapers} was looked at and left out: its pictures are renderings and drawings.)
     */
    static List<Path> heldOutFiles() {
        Path root = Path.of(System.getenv().getOrDefault("DUP_PHOTOS_HELD", "/root/dupcache/held/root"))
                .resolve("usr/share/backgrounds/mate/nature");
        List<Path> out = new ArrayList<>();
        for (String n : List.of("Aqua.jpg", "Blinds.jpg", "Dune.jpg", "FreshFlower.jpg", "Garden.jpg", "GreenMeadow.jpg",
                "LadyBird.jpg", "RainDrops.jpg", "Storm.jpg", "TwoWings.jpg", "Wood.jpg", "YellowFlower.jpg")) {
            if (Files.isRegularFile(root.resolve(n))) {
                out.add(root.resolve(n));
            }
        }
        return out;
    }

    /** A real photograph's base: a window of 76 % of its width and 80 % of its height (room for other shots). */
    public static BufferedImage realBase(BufferedImage source) {
        return PhotoSetGenerator.crop(source, 0.02, 0.02, 0.22, 0.18);
    }

    /** Synthetic bases (procedural rooms and sites) and the real photographs' bases. */
    public static Map<String, BufferedImage> bases(int synthetic, int realMax) {
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        for (int i = 0; i < synthetic; i++) {
            out.put("scene-" + i, PhotoSetGenerator.read(
                    DemoPhotos.jpeg(DemoPhotos.scene(70_000 + i, 110_000 + i, 0, 1024, 768), 0.92f)));
        }
        realSources(realMax).forEach((k, v) -> out.put(k, realBase(v)));
        return out;
    }

    /** Transformed copies of a base photo: each must be found. */
    public static List<Item> copies(String name, BufferedImage o) {
        return copies(name, o, COPY_TRANSFORMS);
    }

    /** Only the given transformations (for quick studies). */
    public static List<Item> copies(String name, BufferedImage o, List<String> transforms) {
        List<Item> out = new ArrayList<>();
        for (String t : transforms) {
            byte[] jpeg = switch (t) {
                case "chat1280q70" -> chat(o);
                case "recompress40" -> DemoPhotos.jpeg(o, 0.4f);
                case "crop10-left" -> DemoPhotos.jpeg(PhotoSetGenerator.crop(o, 0.10, 0, 0, 0), 0.88f);
                case "crop10-top" -> DemoPhotos.jpeg(PhotoSetGenerator.crop(o, 0, 0.10, 0, 0), 0.88f);
                case "crop10-right+bottom" -> DemoPhotos.jpeg(PhotoSetGenerator.crop(o, 0, 0, 0.10, 0.10), 0.88f);
                case "crop5-every-side" -> DemoPhotos.jpeg(PhotoSetGenerator.crop(o, 0.05, 0.05, 0.05, 0.05), 0.88f);
                case "crop10-every-side" -> DemoPhotos.jpeg(PhotoSetGenerator.crop(o, 0.10, 0.10, 0.10, 0.10), 0.88f);
                case "rot90" -> DemoPhotos.jpeg(turn(o, 1), 0.88f);
                case "rot180" -> DemoPhotos.jpeg(turn(o, 2), 0.88f);
                case "rot270" -> DemoPhotos.jpeg(turn(o, 3), 0.88f);
                case "mirror" -> DemoPhotos.jpeg(mirror(o), 0.88f);
                case "screenshot-black" -> DemoPhotos.jpeg(screenshot(o, Color.BLACK, name.hashCode()), 0.92f);
                case "screenshot-white" -> DemoPhotos.jpeg(screenshot(o, Color.WHITE, name.hashCode()), 0.92f);
                case "screenshot+chat" -> chat(screenshot(o, Color.BLACK, name.hashCode() + 1));
                case "rot90+crop8+chat" -> chat(turn(PhotoSetGenerator.crop(o, 0.08, 0, 0, 0.04), 1));
                case "mirror+crop10+chat" -> chat(mirror(PhotoSetGenerator.crop(o, 0.05, 0.10, 0.03, 0)));
                case "brighter30" -> DemoPhotos.jpeg(PhotoSetGenerator.tone(o, 30, 1), 0.88f);
                case "rewatermark" -> DemoPhotos.jpeg(PhotoSetGenerator.stamp(o), 0.88f);
                // crops drawn at random (seeded by the photo's name), each side 0–10 %: not the grid the
                // query assumes
                case "crop-random" -> DemoPhotos.jpeg(randomCrop(o, name.hashCode()), 0.88f);
                case "crop-random+rot+chat" -> chat(turn(randomCrop(o, name.hashCode() * 31 + 7),
                        1 + Math.floorMod(name.hashCode(), 3)));
                case "screenshot-random-crop" -> DemoPhotos.jpeg(
                        screenshot(randomCrop(o, name.hashCode() * 17 + 3), Math.floorMod(name.hashCode(), 2) == 0
                                ? Color.BLACK : Color.WHITE, name.hashCode() + 5), 0.9f);
                default -> DemoPhotos.jpeg(o, 0.92f);
            };
            out.add(new Item(name, t, true, jpeg));
        }
        return out;
    }

    /** Each side cut by 0–10 % (uniform, seeded). */
    static BufferedImage randomCrop(BufferedImage o, long seed) {
        java.util.Random r = new java.util.Random(seed);
        return PhotoSetGenerator.crop(o, r.nextDouble() * 0.1, r.nextDouble() * 0.1, r.nextDouble() * 0.1,
                r.nextDouble() * 0.1);
    }

    /**
     * scikit-image's sample photographs ({@code python3-skimage}, {@code skimage/data}): small (300–740 px),
     * but real photographs of other kinds (a portrait, a cat, coffee, a rocket, a motorcycle, the moon,
     * coins, textures of grass, gravel and brick — near-uniform pictures that look alike).
     */
    static final List<String> SKIMAGE_PHOTOS = List.of("astronaut.png", "coffee.png", "chelsea.png", "rocket.jpg",
            "motorcycle_left.png", "camera.png", "coins.png", "moon.png", "grass.png", "gravel.png", "brick.png",
            "hubble_deep_field.jpg", "ihc.png");

    static Path skimageData() {
        return Path.of(System.getenv().getOrDefault("DUP_PHOTOS_EXTRA", "/root/dupcache/extra/root"))
                .resolve("usr/lib/python3/dist-packages/skimage/data");
    }

    /**
     * The stereo pair of scikit-image ({@code motorcycle_left/right}): the same scene shot from a camera moved
     * sideways — a real "other shot of the same scene" that must not match.
     */
    public static List<Item> stereoOthers(String name) {
        if (!name.endsWith("motorcycle_left.png")) {
            return List.of();
        }
        try {
            BufferedImage right = ImageIO.read(skimageData().resolve("motorcycle_right.png").toFile());
            return right == null ? List.of() : List.of(new Item(name, "real-stereo-other-eye", false,
                    DemoPhotos.jpeg(realBase(PhotoSetGenerator.rgb(right)), 0.9f)));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Hard negatives of a real photograph: other windows of the same large photograph. */
    public static List<Item> realOthers(String name, BufferedImage source) {
        List<Item> out = new ArrayList<>(stereoOthers(name));
        out.addAll(List.of(
                new Item(name, "real-panned15", false,
                        DemoPhotos.jpeg(PhotoSetGenerator.crop(source, 0.17, 0.02, 0.07, 0.18), 0.9f)),
                new Item(name, "real-panned22+tilted", false,
                        DemoPhotos.jpeg(PhotoSetGenerator.crop(source, 0.22, 0.16, 0.02, 0.04), 0.9f)),
                new Item(name, "real-tilted18", false,
                        DemoPhotos.jpeg(PhotoSetGenerator.crop(source, 0.02, 0.18, 0.22, 0.02), 0.9f)),
                new Item(name, "real-panned15+chat", false, chat(PhotoSetGenerator.crop(source, 0.17, 0.02, 0.07, 0.18))),
                // (2026-12-08) a phone screenshot of the moved shot: bars cut off, as a screenshot copy's
                new Item(name, "real-panned15+screenshot", false, DemoPhotos.jpeg(screenshot(
                        PhotoSetGenerator.crop(source, 0.17, 0.02, 0.07, 0.18), Math.floorMod(name.hashCode(), 2) == 0
                                ? Color.WHITE : Color.BLACK, name.hashCode() + 9), 0.9f))));
        return out;
    }

    /** Hard negatives of a synthetic scene: the same room moments later or from a moved camera. */
    public static List<Item> sceneOthers(int i) {
        long scene = 70_000 + i;
        return List.of(
                new Item("scene-" + i, "same-room-people-moved", false,
                        DemoPhotos.jpeg(DemoPhotos.scene(scene, 210_000 + i, 0, 1024, 768), 0.9f)),
                new Item("scene-" + i, "same-room-angle10", false,
                        DemoPhotos.jpeg(DemoPhotos.scene(scene, 110_000 + i, 0.10, 1024, 768), 0.9f)),
                new Item("scene-" + i, "same-room-angle20", false,
                        DemoPhotos.jpeg(DemoPhotos.scene(scene, 110_000 + i, 0.20, 1024, 768), 0.9f)),
                // (2026-12-08) a phone screenshot of the moved shot
                new Item("scene-" + i, "same-room-angle10+screenshot", false, DemoPhotos.jpeg(screenshot(
                        DemoPhotos.scene(scene, 110_000 + i, 0.10, 1024, 768), i % 2 == 0 ? Color.BLACK : Color.WHITE,
                        i + 11), 0.9f)));
    }

    /** What a chat app sends: long side at most 1,280 px, JPEG quality 70, no metadata. */
    static byte[] chat(BufferedImage img) {
        double f = Math.min(1.0, 1280.0 / Math.max(img.getWidth(), img.getHeight()));
        return DemoPhotos.jpeg(f < 1 ? PhotoSetGenerator.resize(img, f) : img, 0.7f);
    }

    /** Quarter turns clockwise. */
    static BufferedImage turn(BufferedImage s, int quarters) {
        BufferedImage cur = s;
        for (int q = 0; q < quarters; q++) {
            int w = cur.getWidth();
            int h = cur.getHeight();
            BufferedImage d = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    d.setRGB(h - 1 - y, x, cur.getRGB(x, y));
                }
            }
            cur = d;
        }
        return cur;
    }

    static BufferedImage mirror(BufferedImage s) {
        int w = s.getWidth();
        BufferedImage d = new BufferedImage(w, s.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                d.setRGB(w - 1 - x, y, s.getRGB(x, y));
            }
        }
        return d;
    }

    /**
     * A phone screenshot of the photo shown in a viewer: 1080×2340, the photo fitted below a status bar
     * (clock, signal, battery drawn in the bar colour's opposite), the rest black or white.
     */
    static BufferedImage screenshot(BufferedImage photo, Color bar, int seed) {
        int sw = 1080;
        int sh = 2340;
        BufferedImage d = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = d.createGraphics();
        g.setColor(bar);
        g.fillRect(0, 0, sw, sh);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color ink = bar.equals(Color.BLACK) ? Color.WHITE : Color.BLACK;
        g.setColor(ink);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 38));
        g.drawString(String.format("%d:%02d", 9 + Math.floorMod(seed, 10), Math.floorMod(seed, 60)), 60, 70);
        g.drawString("5G", 820, 70);
        g.drawRect(900, 38, 90, 38);
        g.fillRect(904, 42, 20 + Math.floorMod(seed, 60), 30);
        // the viewer's toolbar at the bottom
        g.fillOval(200, 2200, 40, 40);
        g.fillOval(520, 2200, 40, 40);
        g.fillOval(840, 2200, 40, 40);
        double f = Math.min(sw / (double) photo.getWidth(), 1900.0 / photo.getHeight());
        int pw = (int) Math.round(photo.getWidth() * f);
        int ph = (int) Math.round(photo.getHeight() * f);
        g.drawImage(photo, (sw - pw) / 2, (sh - ph) / 2, pw, ph, null);
        g.dispose();
        return d;
    }

    /** Writes the set as JPEG files: {@code BENCH_MAIN=cn.sgz.bench.CopySetGenerator bench/duplicate-bench.sh <folder>}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/copyset");
        Files.createDirectories(dir);
        Map<String, BufferedImage> sources = realSources(40);
        Map<String, BufferedImage> bases = bases(6, 40);
        int i = 0;
        for (Map.Entry<String, BufferedImage> e : bases.entrySet()) {
            String safe = e.getKey().replaceAll("[^A-Za-z0-9.-]", "_");
            Files.write(dir.resolve(safe + "__original.jpg"), DemoPhotos.jpeg(e.getValue(), 0.92f));
            List<Item> items = new ArrayList<>(copies(e.getKey(), e.getValue()));
            items.addAll(e.getKey().startsWith("scene-") ? sceneOthers(i++) : realOthers(e.getKey(), sources.get(e.getKey())));
            for (Item it : items) {
                Files.write(dir.resolve(safe + "__" + it.transform() + ".jpg"), it.jpeg());
            }
        }
        System.out.println("wrote " + bases.size() + " base photos and their variants to " + dir.toAbsolutePath());
    }
}
