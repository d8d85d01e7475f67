package cn.sgz.org.internal;

import cn.sgz.org.Role;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time creation of the first administrator on a system with no accounts (the prod profile
 * loads none). A random setup token is written to {@code <data-dir>/setup-token.txt}; only someone
 * who can read the server's files can use /setup, and it closes for good once an account exists.
 */
@Service
class FirstAdminSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminSetup.class);

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Path tokenFile;

    FirstAdminSetup(
            UserAccountRepository users,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            @Value("${sgz.data-dir}") String dataDir) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
        this.tokenFile = Path.of(dataDir, "setup-token.txt");
    }

    boolean isOpen() {
        return users.count() == 0;
    }

    @EventListener(ApplicationReadyEvent.class)
    void writeTokenIfNeeded() throws IOException {
        if (!isOpen()) {
            Files.deleteIfExists(tokenFile);
            return;
        }
        if (!Files.exists(tokenFile)) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            Files.createDirectories(tokenFile.getParent());
            writeOwnerOnly(tokenFile, HexFormat.of().formatHex(bytes));
        }
        log.warn("系统尚无账号：请打开 /setup，使用 {} 中的一次性令牌创建第一个管理员", tokenFile.toAbsolutePath());
    }

    /**
     * Writes a secret readable by the file's owner only (mode 0600 where the file system has POSIX
     * permissions): the file is created with that mode, so it is never readable by others, not even
     * for a moment.
     */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> ownerOnly =
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
            Files.deleteIfExists(file);
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(ownerOnly));
            Files.setPosixFilePermissions(file, ownerOnly); // in case a umask narrowed nothing, or widened it
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Transactional
    void createAdmin(String token, String username, String displayName, String password) {
        if (!isOpen()) {
            throw new BusinessException("SETUP_CLOSED", "系统已初始化，不能再次创建初始管理员");
        }
        if (!tokenMatches(token)) {
            throw BusinessException.field("token", "一次性令牌不正确");
        }
        if (username == null || !username.matches("[A-Za-z0-9_.-]{3,50}")) {
            throw BusinessException.field("username", "用户名为3-50位字母、数字、下划线、点或连字符");
        }
        PasswordPolicy.check("password", password, username);
        UserAccount admin = new UserAccount(username, encoder.encode(password));
        admin.assign(
                displayName == null || displayName.isBlank() ? "系统管理员" : displayName.strip(),
                Role.ADMIN,
                null,
                null,
                null);
        users.save(admin);
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(
                new AuditEvent(username, "SETUP_ADMIN", "USER", String.valueOf(admin.getId()), null, "SUCCESS", null));
    }

    private boolean tokenMatches(String token) {
        try {
            if (token == null || !Files.exists(tokenFile)) {
                return false;
            }
            String expected =
                    Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            return MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8), token.strip().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
