package cn.sgz.org.internal;

import cn.sgz.org.CurrentUser;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
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

    ApiTokenService(ApiTokenRepository tokens, UserAccountRepository users, JdbcClient jdbc,
                    ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.users = users;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A new token; the clear value is returned once and never stored. */
    @Transactional
    public String issue(CurrentUser user, String name) {
        if (name == null || name.isBlank() || name.length() > 50) {
            throw BusinessException.field("name", "令牌名称不能为空，且不超过50个字");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "sgz_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.save(new ApiToken(user.id(), name.trim(), sha256(token), token.substring(0, 10)));
        events.publishEvent(AuditEvent.success("TOKEN_CREATE", "USER", user.id(), null, name.trim()));
        return token;
    }

    @Transactional
    public void revoke(CurrentUser user, long tokenId) {
        ApiToken token = tokens.findById(tokenId).filter(t -> t.getUserId().equals(user.id()))
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
        return tokens.findByTokenHashAndRevokedAtIsNull(sha256(token)).flatMap(t -> {
            if (t.getLastUsedAt() == null || t.getLastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
                jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").param(now).param(t.getId()).update();
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
