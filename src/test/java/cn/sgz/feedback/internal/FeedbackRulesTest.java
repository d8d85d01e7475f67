package cn.sgz.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sgz.evidence.TestImages;
import cn.sgz.shared.BusinessException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Plain rules of the feedback module: working-day deadlines, phone masking, photo cleaning. */
class FeedbackRulesTest {

    @Test
    void replyDeadlineCountsWorkingDaysOnly() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertThat(WorkingDays.after(friday, 1)).isEqualTo(LocalDate.of(2026, 12, 7)); // Monday
        assertThat(WorkingDays.after(friday, 5)).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(WorkingDays.after(LocalDate.of(2026, 12, 6), 5))
                .isEqualTo(LocalDate.of(2026, 12, 11)); // from Sunday
    }

    @Test
    void phonesAreMaskedForEveryoneButTheHandlingBureau() {
        assertThat(CaseAccess.mask("13804721234")).isEqualTo("138****1234");
        assertThat(CaseAccess.mask("0472-7150000")).isEqualTo("0472****00");
        assertThat(CaseAccess.mask(null)).isNull();
    }

    @Test
    void photosAreReencodedWithoutMetadataAndNonImagesRefused() throws Exception {
        byte[] withGps = TestImages.withExif(
                TestImages.jpeg(TestImages.scene(7), 0.95f), LocalDateTime.of(2026, 5, 1, 9, 30), 40.65, 109.84);
        assertThat(new String(withGps, StandardCharsets.ISO_8859_1)).contains("Exif");
        PhotoSanitizer.CleanPhoto clean = PhotoSanitizer.clean(withGps, "照片：第 1 张");
        assertThat(new String(clean.jpeg(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        assertThat(ImageIO.read(new ByteArrayInputStream(clean.jpeg()))).isNotNull();
        assertThat(Math.max(clean.width(), clean.height())).isLessThanOrEqualTo(1600);
        assertThat(clean.sha256()).hasSize(64);

        assertThatThrownBy(() -> PhotoSanitizer.clean("<html>".getBytes(StandardCharsets.UTF_8), "照片：第 2 张"))
                .isInstanceOf(BusinessException.class)
                .hasMessageContaining("第 2 张")
                .hasMessageContaining("不是照片");
        byte[] truncated = java.util.Arrays.copyOf(withGps, 200);
        assertThatThrownBy(() -> PhotoSanitizer.clean(truncated, "照片：第 3 张"))
                .isInstanceOf(BusinessException.class)
                .hasMessageContaining("第 3 张");
    }
}
