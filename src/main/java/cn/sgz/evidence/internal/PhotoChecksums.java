package cn.sgz.evidence.internal;

import cn.sgz.evidence.StoredFileChecksums;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The evidence photos' files: the original with its SHA-256, the thumbnail and the watermarked copy without. */
@Component
class PhotoChecksums implements StoredFileChecksums {

    private final JdbcClient jdbc;

    PhotoChecksums(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void each(BiConsumer<String, String> keyAndSha256) {
        jdbc.sql("SELECT file_key, sha256, thumb_key, stamped_key FROM evidence_photo ORDER BY id")
                .query(rs -> {
                    keyAndSha256.accept(rs.getString(1), rs.getString(2));
                    if (rs.getString(3) != null) {
                        keyAndSha256.accept(rs.getString(3), null);
                    }
                    if (rs.getString(4) != null) {
                        keyAndSha256.accept(rs.getString(4), null);
                    }
                });
    }
}
