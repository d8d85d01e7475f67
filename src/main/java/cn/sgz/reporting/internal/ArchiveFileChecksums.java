package cn.sgz.reporting.internal;

import cn.sgz.evidence.StoredFileChecksums;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ZIPs of finished archive jobs (no checksum recorded: the copy is checked against the local file). */
@Component
class ArchiveFileChecksums implements StoredFileChecksums {

    private final JdbcClient jdbc;

    ArchiveFileChecksums(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void each(BiConsumer<String, String> keyAndSha256) {
        jdbc.sql("SELECT file_name FROM archive_job WHERE status = 'DONE' AND file_name IS NOT NULL ORDER BY id")
                .query(rs -> {
                    keyAndSha256.accept(rs.getString(1), null);
                });
    }
}
