package cn.sgz.org.internal;

import cn.sgz.org.CurrentUser;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal API tokens: issued on the profile page, stored hashed, checked on every API call. */
@Service
class ApiTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(5);

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ApiTokenService(
            ApiTokenRepository tokens, UserAccountRepository users, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.users = users;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A new token; the clear value is returned once and never stored. */
    @Transactional
    public String issue(CurrentUser user, String name) {
        return issue(user, name, null);
    }

    /**
     * A new token, valid for {@code validDays} days when given (1–3650), otherwise until revoked. A
     * call authenticated by a token cannot mint tokens: a leaked token must not be able to outlive
     * its own revocation.
     */
    @Transactional
    public String issue(CurrentUser user, String name, Integer validDays) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof BearerTokenFilter.TokenAuthentication) {
            throw new ForbiddenException("API 令牌不能用来签发新令牌，请登录网页后在个人中心签发");
        }
        if (name == null || name.isBlank() || name.length() > 50) {
            throw BusinessException.field("name", "令牌名称不能为空，且不超过50个字");
        }
        if (validDays != null && (validDays < 1 || validDays > 3650)) {
            throw BusinessException.field("validDays", "有效天数应为1～3650天，不填则长期有效（可随时撤销）");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "sgz_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime expires =
                validDays == null ? null : ChinaTime.offsetNow().plusDays(validDays);
        tokens.save(new ApiToken(user.id(), name.trim(), sha256(token), token.substring(0, 10), expires));
        events.publishEvent(AuditEvent.success(
                "TOKEN_CREATE",
                "USER",
                user.id(),
                null,
                name.trim() + (validDays == null ? "" : "（" + validDays + "天）")));
        return token;
    }

    /** Revokes every live token of an account (on disable and on an administrator's password reset). */
    @Transactional
    public int revokeAll(long userId) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .param(ChinaTime.offsetNow())
                .param(userId)
                .update();
    }

    @Transactional
    public void revoke(CurrentUser user, long tokenId) {
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.getUserId().equals(user.id()))
                .orElseThrow(() -> new NotFoundException("令牌"));
        token.revoke();
        events.publishEvent(AuditEvent.success("TOKEN_REVOKE", "USER", user.id(), null, token.getName()));
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(CurrentUser user) {
        return tokens.findByUserIdOrderByCreatedAtDesc(user.id());
    }

    /** The principal behind a token, if the token is live and its account enabled. */
    @Transactional
    public Optional<SgzPrincipal> authenticate(String token, OffsetDateTime now) {
        if (!token.startsWith("sgz_") || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHashAndRevokedAtIsNull(sha256(token))
                .filter(t -> t.getExpiresAt() == null || t.getExpiresAt().isAfter(now))
                .flatMap(t -> {
                    if (t.getLastUsedAt() == null
                            || t.getLastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
                        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
                                .param(now)
                                .param(t.getId())
                                .update();
                    }
                    return users.findById(t.getUserId())
                            .filter(UserAccount::isEnabled)
                            .map(u -> SgzPrincipal.of(u, false));
                });
    }

    static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
