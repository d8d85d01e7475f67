package cn.sgz.feedback.internal;

import cn.sgz.evidence.EvidenceService;
import cn.sgz.shared.BusinessException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Residents' photos: at most three, each within the evidence module's size limit, recognised by their
 * first bytes (JPEG, PNG, WebP), dimensions checked before decoding, then re-encoded as a JPEG of at most
 * 1600 px — which also drops EXIF (GPS position, phone model) the resident did not mean to send.
 * Everything happens in memory before anything is written.
 */
@Component
class PhotoSanitizer {

    static final int MAX_PHOTOS = 3;
    private static final long MAX_PIXELS = 50_000_000L;
    private static final int MAX_SIDE = 12_000;
    private static final int OUT_SIDE = 1600;

    private final EvidenceService evidence;

    PhotoSanitizer(EvidenceService evidence) {
        this.evidence = evidence;
    }

    record CleanPhoto(byte[] jpeg, int width, int height, String sha256) {}

    List<CleanPhoto> clean(List<MultipartFile> files) {
        List<MultipartFile> chosen = files == null
                ? List.of()
                : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (chosen.size() > MAX_PHOTOS) {
            throw BusinessException.field("photos", "照片：最多上传 " + MAX_PHOTOS + " 张");
        }
        long max = evidence.maxPhotoBytes();
        List<CleanPhoto> out = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            MultipartFile f = chosen.get(i);
            String which = "照片：第 " + (i + 1) + " 张";
            if (f.getSize() > max) {
                throw BusinessException.field("photos", which + "超过 " + max / (1024 * 1024) + " MB，请压缩后再上传");
            }
            byte[] bytes;
            try (InputStream in = f.getInputStream()) {
                bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
            } catch (IOException e) {
                throw BusinessException.field("photos", which + "上传不完整，请重新选择");
            }
            if (bytes.length > max) {
                throw BusinessException.field("photos", which + "超过 " + max / (1024 * 1024) + " MB，请压缩后再上传");
            }
            out.add(clean(bytes, which));
        }
        return out;
    }

    static CleanPhoto clean(byte[] bytes, String which) {
        String format = sniff(bytes);
        if (format == null) {
            throw BusinessException.field("photos", which + "不是照片（只收 JPG、PNG、WebP 格式的图片）");
        }
        if (format.equals("heic")) {
            throw BusinessException.field("photos", which + "是 HEIC 格式，暂不支持：请在相机设置里选“兼容性最佳”，或截图后上传");
        }
        BufferedImage image = decode(bytes, which);
        BufferedImage scaled = scale(image);
        byte[] jpeg = jpeg(scaled);
        return new CleanPhoto(jpeg, scaled.getWidth(), scaled.getHeight(), sha256(jpeg));
    }

    private static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return "webp";
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return "heic";
        }
        return null;
    }

    private static BufferedImage decode(byte[] bytes, String which) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable(which);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw unreadable(which);
                }
                if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw BusinessException.field("photos", which + "尺寸异常（" + w + "×" + h + " 像素），已拒收");
                }
                int step = Math.max(1, Math.max(w, h) / (OUT_SIDE * 2));
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw unreadable(which);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (BusinessException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(which);
        }
    }

    private static BusinessException unreadable(String which) {
        return BusinessException.field("photos", which + "已损坏或不完整，无法识别为图片，请重新拍摄或选择");
    }

    private static BufferedImage scale(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        double f = Math.min(1.0, (double) OUT_SIDE / Math.max(w, h));
        int nw = Math.max(1, (int) Math.round(w * f));
        int nh = Math.max(1, (int) Math.round(h * f));
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, nw, nh);
        g.drawImage(src, 0, 0, nw, nh, null);
        g.dispose();
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
