package cn.sgz.evidence.internal;

import cn.sgz.shared.BusinessException;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Safe decoding: the dimensions are read from the header first and a picture whose pixel count
 * would blow up memory (a "decompression bomb") is refused before any pixel is decoded; large
 * photos are decoded subsampled, since hashes and thumbnails need only about a megapixel.
 */
final class ImageLoader {

    private ImageLoader() {}

    record Decoded(BufferedImage image, int width, int height) {}

    static Decoded decode(Path file, EvidenceSettings settings) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw unreadable();
                }
                if (w > settings.maxSide || h > settings.maxSide || (long) w * h > settings.maxPixels) {
                    throw new BusinessException(
                            "IMAGE_TOO_LARGE",
                            "图片尺寸过大（" + w + "×" + h
                                    + " 像素），可能是异常文件，已拒收。请上传手机正常拍摄的照片（不超过 "
                                    + settings.maxPixels / 1_000_000 + " 百万像素）。");
                }
                int step = Math.max(1, Math.max(w, h) / (settings.decodeSide * 2));
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                return new Decoded(toRgb(image), w, h);
            } finally {
                reader.dispose();
            }
        } catch (BusinessException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
    }

    private static BusinessException unreadable() {
        return new BusinessException("IMAGE_UNREADABLE", "照片文件已损坏或不完整，无法读取。请重新拍摄或重新选择照片上传。");
    }

    static BufferedImage toRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, src.getWidth(), src.getHeight());
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** Turns the pixels upright according to the EXIF orientation (1, 3, 6, 8; mirrored ones as is). */
    static BufferedImage upright(BufferedImage img, int orientation) {
        int w = img.getWidth();
        int h = img.getHeight();
        AffineTransform t = new AffineTransform();
        int nw = w;
        int nh = h;
        switch (orientation) {
            case 3 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
            }
            case 6 -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
                nw = h;
                nh = w;
            }
            case 8 -> {
                t.translate(0, w);
                t.rotate(-Math.PI / 2);
                nw = h;
                nh = w;
            }
            default -> {
                return img;
            }
        }
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(img, out);
        return out;
    }

    static BufferedImage scaled(BufferedImage src, int maxSide) {
        int w = src.getWidth();
        int h = src.getHeight();
        double f = Math.min(1.0, maxSide / (double) Math.max(w, h));
        if (f >= 1.0) {
            return src;
        }
        int nw = Math.max(1, (int) Math.round(w * f));
        int nh = Math.max(1, (int) Math.round(h * f));
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, nw, nh, null);
        g.dispose();
        return out;
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        try {
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            var out = new java.io.ByteArrayOutputStream();
            try (var stream = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new javax.imageio.IIOImage(toRgb(image), null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
