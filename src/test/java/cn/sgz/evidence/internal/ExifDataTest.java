package cn.sgz.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.evidence.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXIF reading of real JPEG files written in the test. */
class ExifDataTest {

    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        Path p = Files.createTempFile(dir, "exif-", ".jpg");
        Files.write(p, bytes);
        return p;
    }

    @Test
    void readsTheCaptureTimeAsChinaLocalTimeAndThePosition() throws IOException {
        byte[] jpeg = TestImages.withExif(
                TestImages.jpeg(TestImages.scene(3), 0.9f),
                LocalDateTime.of(2026, 5, 12, 14, 3, 7),
                40.60102,
                109.97021);
        ExifData exif = ExifData.read(write(jpeg));
        assertThat(exif.capturedAt()).isEqualTo(OffsetDateTime.of(2026, 5, 12, 14, 3, 7, 0, ZoneOffset.ofHours(8)));
        assertThat(exif.latitude()).isCloseTo(40.60102, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(exif.longitude()).isCloseTo(109.97021, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(exif.orientation()).isEqualTo(1);
    }

    @Test
    void aTimeWithoutAPositionLeavesThePositionEmpty() throws IOException {
        byte[] jpeg = TestImages.withExif(
                TestImages.jpeg(TestImages.scene(4), 0.9f), LocalDateTime.of(2026, 11, 30, 8, 0, 0), null, null);
        ExifData exif = ExifData.read(write(jpeg));
        assertThat(exif.capturedAt()).isNotNull();
        assertThat(exif.latitude()).isNull();
        assertThat(exif.longitude()).isNull();
    }

    @Test
    void aScreenshotOrChatCopyWithoutMetadataHasNothing() throws IOException {
        ExifData exif = ExifData.read(write(TestImages.jpeg(TestImages.scene(5), 0.7f)));
        assertThat(exif.capturedAt()).isNull();
        assertThat(exif.latitude()).isNull();
        assertThat(exif.orientation()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNoImageGivesNoMetadataRatherThanAnError() throws IOException {
        ExifData exif = ExifData.read(write("not a photo".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(exif.capturedAt()).isNull();
        assertThat(exif.orientation()).isEqualTo(1);
    }
}
