package cn.sgz.org.internal;

import cn.sgz.shared.ChinaTime;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A personal API token. Only its SHA-256 is stored; the clear token is shown once at creation. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long userId;
    private String name;
    private String tokenHash;
    private String tokenPrefix;
    private OffsetDateTime createdAt = ChinaTime.offsetNow();
    private OffsetDateTime lastUsedAt;
    private OffsetDateTime revokedAt;
    private OffsetDateTime expiresAt;

    protected ApiToken() {}

    ApiToken(Long userId, String name, String tokenHash, String tokenPrefix) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
    }

    ApiToken(Long userId, String name, String tokenHash, String tokenPrefix, OffsetDateTime expiresAt) {
        this(userId, name, tokenHash, tokenPrefix);
        this.expiresAt = expiresAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    void revoke() {
        this.revokedAt = ChinaTime.offsetNow();
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public String getTokenPrefix() {
        return tokenPrefix;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }

    public OffsetDateTime getRevokedAt() {
        return revokedAt;
    }
}
