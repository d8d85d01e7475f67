package cn.sgz.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.evidence.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Content sniffing: the first bytes decide, never the file name or the declared type. */
class ImageFormatTest {

    static ImageFormat sniff(byte[] bytes) {
        byte[] head = java.util.Arrays.copyOf(bytes, 32);
        return ImageFormat.sniff(head, Math.min(32, bytes.length));
    }

    static byte[] encoded(String format) throws Exception {
        BufferedImage img = new BufferedImage(12, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void realJpegAndPngFilesAreRecognised() throws Exception {
        assertThat(sniff(TestImages.jpeg(TestImages.scene(1), 0.8f))).isEqualTo(ImageFormat.JPEG);
        assertThat(sniff(encoded("png"))).isEqualTo(ImageFormat.PNG);
        assertThat(ImageFormat.JPEG.contentType).isEqualTo("image/jpeg");
        assertThat(ImageFormat.PNG.extension).isEqualTo("png");
    }

    @Test
    void webpIsRecognisedByItsRiffHeader() {
        assertThat(sniff(ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 "))).isEqualTo(ImageFormat.WEBP);
        // a RIFF file of another kind (a WAV sound) is not a photo
        assertThat(sniff(ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt "))).isEqualTo(ImageFormat.UNKNOWN);
    }

    @ParameterizedTest(name = "brand {0}")
    @ValueSource(strings = {"heic", "heix", "mif1", "avif"})
    void heifBrandsAreRecognisedSoTheUploadCanSayWhatToDo(String brand) {
        assertThat(sniff(ascii("\u0000\u0000\u0000\u0018ftyp" + brand + "\u0000\u0000\u0000\u0000")))
                .isEqualTo(ImageFormat.HEIC);
    }

    @Test
    void otherFilesAreUnknownWhateverTheyAreCalled() throws Exception {
        assertThat(sniff(encoded("gif"))).isEqualTo(ImageFormat.UNKNOWN);
        assertThat(sniff(encoded("bmp"))).isEqualTo(ImageFormat.UNKNOWN);
        assertThat(sniff(ascii("%PDF-1.7\n"))).isEqualTo(ImageFormat.UNKNOWN);
        assertThat(sniff(ascii("<html><body>photo.jpg</body></html>"))).isEqualTo(ImageFormat.UNKNOWN);
        assertThat(sniff(ascii("\u0000\u0000\u0000\u0018ftypmp42isom")))
                .as("an MP4 video")
                .isEqualTo(ImageFormat.UNKNOWN);
        assertThat(sniff(new byte[0])).isEqualTo(ImageFormat.UNKNOWN);
    }

    @Test
    void onlyTheBytesReadCountNotTheBufferBehindThem() {
        byte[] head = new byte[32];
        head[0] = (byte) 0xFF;
        head[1] = (byte) 0xD8;
        head[2] = (byte) 0xFF;
        assertThat(ImageFormat.sniff(head, 3)).isEqualTo(ImageFormat.JPEG);
        // a two-byte file is too short to be a JPEG even if the buffer holds more
        assertThat(ImageFormat.sniff(head, 2)).isEqualTo(ImageFormat.UNKNOWN);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        assertThat(ImageFormat.sniff(java.util.Arrays.copyOf(png, 32), 7)).isEqualTo(ImageFormat.UNKNOWN);
    }
}
