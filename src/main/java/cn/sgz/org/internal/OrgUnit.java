package cn.sgz.org.internal;

import cn.sgz.org.OrgUnitType;
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

/** A node of the org tree. {@code path} is "/1/7/23/": the ids from the root down, this one last. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long parentId;

    @Enumerated(EnumType.STRING)
    private OrgUnitType type;

    private String name;
    private String code;
    private String path;
    private int level;
    private boolean active = true;
    private Double latitude;
    private Double longitude;
    private String address;

    @Column(updatable = false)
    private OffsetDateTime createdAt = ChinaTime.offsetNow();

    @Version
    private long version;

    protected OrgUnit() {}

    OrgUnit(OrgUnit parent, OrgUnitType type, String name, String code) {
        this.parentId = parent == null ? null : parent.getId();
        this.type = type;
        this.name = name;
        this.code = code;
        this.level = parent == null ? 0 : parent.getLevel() + 1;
        // Placeholder until the id is known; assignPath() completes it in the same transaction.
        this.path = parent == null ? "/" : parent.getPath();
    }

    /** Called once the id is known: the path ends with the unit's own id. */
    void assignPath(String parentPath) {
        this.path = (parentPath == null ? "/" : parentPath) + id + "/";
    }

    public Long getId() {
        return id;
    }

    public Long getParentId() {
        return parentId;
    }

    public OrgUnitType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public String getCode() {
        return code;
    }

    public String getPath() {
        return path;
    }

    public int getLevel() {
        return level;
    }

    public boolean isActive() {
        return active;
    }

    public Double getLatitude() {
        return latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public String getAddress() {
        return address;
    }

    public long getVersion() {
        return version;
    }

    void rename(String name, String code) {
        this.name = name;
        this.code = code;
    }

    void locate(Double latitude, Double longitude, String address) {
        this.latitude = latitude;
        this.longitude = longitude;
        this.address = address;
    }

    void deactivate() {
        this.active = false;
    }

    void reactivate() {
        this.active = true;
    }
}
