package cn.sgz.org.internal;

import cn.sgz.org.CurrentUser;
import cn.sgz.org.Role;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP two-factor login (authenticator apps) with single-use recovery codes. Enrolment: a secret is
 * shown once, and confirmed with a first code. Login: after the password, {@link TotpGate} holds the
 * session until a code (or a recovery code) is given. Roles listed in
 * {@code sgz.security.totp.required-roles} (the prod profile: ADMIN, CITY_OFFICER, BUREAU_OFFICER)
 * must enrol before they can do anything else; for the others it is optional.
 */
@Service
public class TotpService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Set<Role> required;

    TotpService(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            @Value("${sgz.security.totp.required-roles:}") List<String> requiredRoles) {
        this.jdbc = jdbc;
        this.events = events;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        requiredRoles.stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Role::valueOf)
                .forEach(roles::add);
        this.required = roles;
    }

    public record Status(boolean enabled, boolean required) {}

    public record Enrolment(String secret, String otpauthUri) {}

    public Status status(long userId, Role role) {
        Boolean enabled = jdbc.sql("SELECT totp_enabled FROM app_user WHERE id = ?")
                .param(userId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        return new Status(Boolean.TRUE.equals(enabled), required.contains(role));
    }

    /** Starts (or restarts, while unconfirmed) an enrolment: a new secret for the authenticator app. */
    @Transactional
    public Enrolment start(CurrentUser user) {
        if (status(user.id(), user.role()).enabled()) {
            throw new BusinessException("TOTP_ENABLED", "两步验证已启用；如需更换手机，请先停用再重新绑定");
        }
        String secret = Totp.newSecret();
        jdbc.sql("UPDATE app_user SET totp_secret = ?, totp_enabled = FALSE, totp_recovery = NULL WHERE id = ?")
                .params(secret, user.id())
                .update();
        return new Enrolment(secret, uri(user.username(), secret));
    }

    static String uri(String username, String secret) {
        String label =
                URLEncoder.encode("社工站平台:" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + URLEncoder.encode("社工站平台", StandardCharsets.UTF_8) + "&digits=6&period=30";
    }

    /** Confirms the enrolment with a first code; returns the ten recovery codes, shown once. */
    @Transactional
    public List<String> confirm(CurrentUser user, String code) {
        String secret = jdbc.sql("SELECT totp_secret FROM app_user WHERE id = ? AND NOT totp_enabled")
                .param(user.id())
                .query(String.class)
                .optional()
                .orElseThrow(() -> BusinessException.field("code", "请先开始绑定，用验证器扫描或输入密钥后再填写验证码"));
        if (secret == null || !acceptCode(user.id(), secret, code)) {
            throw BusinessException.field("code", "验证码不正确：请输入验证器上显示的6位数字（注意手机时间准确）");
        }
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StringBuilder c = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                c.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            String shown = c.substring(0, 5) + "-" + c.substring(5);
            codes.add(shown);
            hashes.add(ApiTokenService.sha256(shown.replace("-", "")));
        }
        jdbc.sql("UPDATE app_user SET totp_enabled = TRUE, totp_recovery = ? WHERE id = ?")
                .params(String.join(",", hashes), user.id())
                .update();
        events.publishEvent(AuditEvent.success("TOTP_ENABLE", "USER", user.id(), null, user.username()));
        return codes;
    }

    /** Checks a login code or a recovery code (each good once). */
    @Transactional
    public boolean verify(long userId, String code) {
        String secret = jdbc.sql("SELECT totp_secret FROM app_user WHERE id = ? AND totp_enabled")
                .param(userId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (secret == null || code == null) {
            return false;
        }
        String clean = code.replace(" ", "").replace("-", "").strip().toLowerCase();
        if (clean.matches("\\d{6}")) {
            return acceptCode(userId, secret, clean);
        }
        String recovery = jdbc.sql("SELECT totp_recovery FROM app_user WHERE id = ?")
                .param(userId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (recovery == null || recovery.isEmpty()) {
            return false;
        }
        String hash = ApiTokenService.sha256(clean);
        List<String> left = new ArrayList<>(Arrays.asList(recovery.split(",")));
        if (!left.remove(hash)) {
            return false;
        }
        // compare-and-set, so one recovery code cannot be used twice at once
        int used = jdbc.sql("UPDATE app_user SET totp_recovery = ? WHERE id = ? AND totp_recovery = ?")
                .params(String.join(",", left), userId, recovery)
                .update();
        if (used == 1) {
            events.publishEvent(
                    AuditEvent.success("TOTP_RECOVERY_USED", "USER", userId, null, "剩余恢复码 " + left.size() + " 个"));
        }
        return used == 1;
    }

    /** A code of the current step or one step either side, never a step already used. */
    private boolean acceptCode(long userId, String secret, String code) {
        if (code == null) {
            return false;
        }
        String clean = code.replace(" ", "").strip();
        long now = Totp.step(ChinaTime.now());
        for (long step = now - 1; step <= now + 1; step++) {
            if (Totp.code(secret, step).equals(clean)) {
                return jdbc.sql("UPDATE app_user SET totp_last_step = ? WHERE id = ? "
                                        + "AND (totp_last_step IS NULL OR totp_last_step < ?)")
                                .params(step, userId, step)
                                .update()
                        == 1;
            }
        }
        return false;
    }

    /** Turns two-factor login off (with a current code), e.g. before moving to a new phone. */
    @Transactional
    public void disable(CurrentUser user, String code) {
        if (!verify(user.id(), code)) {
            throw BusinessException.field("code", "验证码不正确");
        }
        jdbc.sql("UPDATE app_user SET totp_enabled = FALSE, totp_secret = NULL, totp_recovery = NULL, "
                        + "totp_last_step = NULL WHERE id = ?")
                .param(user.id())
                .update();
        events.publishEvent(AuditEvent.success("TOTP_DISABLE", "USER", user.id(), null, user.username()));
    }
}
