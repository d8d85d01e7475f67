package cn.sgz.org.internal;

import cn.sgz.org.Role;
import cn.sgz.shared.ChinaTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A login account. Holds the failed-login counter so throttling works across app instances. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;
    private String passwordHash;
    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    private Long orgUnitId;
    private Long agencyId;
    private String phone;
    private boolean enabled = true;
    private int failedAttempts;
    private OffsetDateTime lockedUntil;

    @Column(updatable = false)
    private OffsetDateTime createdAt = ChinaTime.offsetNow();

    @Version
    private long version;

    protected UserAccount() {}

    UserAccount(String username, String passwordHash) {
        this.username = username;
        this.passwordHash = passwordHash;
    }

    void assign(String displayName, Role role, Long orgUnitId, Long agencyId, String phone) {
        this.displayName = displayName;
        this.role = role;
        this.orgUnitId = orgUnitId;
        this.agencyId = agencyId;
        this.phone = phone;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }

    public long getVersion() {
        return version;
    }

    public boolean isLocked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
