package cn.sgz.feedback.internal;

import cn.sgz.evidence.StoredFileChecksums;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The photos residents attached to complaints, with the SHA-256 recorded when they were stored. */
@Component
class ComplaintPhotoChecksums implements StoredFileChecksums {

    private final JdbcClient jdbc;

    ComplaintPhotoChecksums(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void each(BiConsumer<String, String> keyAndSha256) {
        jdbc.sql("SELECT file_key, sha256 FROM feedback_case_photo ORDER BY id").query(rs -> {
            keyAndSha256.accept(rs.getString(1), rs.getString(2));
        });
    }
}
