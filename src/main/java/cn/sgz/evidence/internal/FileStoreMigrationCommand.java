package cn.sgz.evidence.internal;

import cn.sgz.evidence.FileStore;
import cn.sgz.shared.ChinaTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The migration command: start the application once with {@code --sgz.files.migrate=true} and the S3 settings
 * ({@code sgz.files.store=s3}, {@code sgz.files.s3.*}); it copies {@code ${sgz.data-dir}/files} into the bucket
 * ({@link FileStoreMigration}), writes {@code ${sgz.data-dir}/files-migration-<time>.txt} listing every key it could
 * not copy and why, and exits: 0 when everything is in the bucket, 2 when something is not. Run it again after
 * fixing what the report names; what is already copied is skipped. See docs/deployment.md.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "sgz.files.migrate", havingValue = "true")
class FileStoreMigrationCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FileStoreMigrationCommand.class);

    private final FileStoreMigration migration;
    private final FileStore store;
    private final EvidenceSettings settings;
    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    FileStoreMigrationCommand(
            FileStoreMigration migration,
            FileStore store,
            EvidenceSettings settings,
            ConfigurableApplicationContext context,
            @Value("${sgz.data-dir:./data}") String dataDir) {
        this.migration = migration;
        this.store = store;
        this.settings = settings;
        this.context = context;
        this.dataDir = Path.of(dataDir);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!(store instanceof S3FileStore s3)) {
            log.error("文件迁移需要对象存储配置：请同时设置 sgz.files.store=s3 和 sgz.files.s3.*（见 docs/deployment.md）");
            exit(1);
            return;
        }
        log.info("文件迁移开始：{} → {}", settings.filesDir.toAbsolutePath(), s3.describe());
        FileStoreMigration.Report report = migration.copy(settings.filesDir, s3);
        StringBuilder text = new StringBuilder("文件迁移报告 " + ChinaTime.offsetNow() + "\n");
        text.append("来源：")
                .append(settings.filesDir.toAbsolutePath())
                .append("\n目标：")
                .append(s3.describe())
                .append('\n');
        text.append(report.summary()).append('\n');
        for (FileStoreMigration.Failure f : report.failures()) {
            text.append(f.key()).append('\t').append(f.reason()).append('\n');
        }
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("files-migration-"
                + ChinaTime.offsetNow().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        log.info("文件迁移结束：{}；报告：{}", report.summary(), file.toAbsolutePath());
        for (FileStoreMigration.Failure f : report.failures()) {
            log.warn("未能复制 {}：{}", f.key(), f.reason());
        }
        exit(report.failures().isEmpty() ? 0 : 2);
    }

    private void exit(int code) {
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
