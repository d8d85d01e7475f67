package cn.sgz.org.internal;

import cn.sgz.shared.ChinaTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** 承接机构: a social-work agency contracted to run stations; not part of the org tree. */
@Entity
@Table(name = "agency")
public class Agency {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String creditCode;
    private String contactName;
    private String phone;
    private boolean active = true;
    /** The org unit (bureau) that registered the agency; null for the administrator's and older ones. */
    private Long orgUnitId;

    @Column(updatable = false)
    private OffsetDateTime createdAt = ChinaTime.offsetNow();

    @Version
    private long version;

    protected Agency() {}

    Agency(String name, String creditCode, String contactName, String phone) {
        update(name, creditCode, contactName, phone);
    }

    Agency(String name, String creditCode, String contactName, String phone, Long orgUnitId) {
        this(name, creditCode, contactName, phone);
        this.orgUnitId = orgUnitId;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    void update(String name, String creditCode, String contactName, String phone) {
        this.name = name;
        this.creditCode = creditCode;
        this.contactName = contactName;
        this.phone = phone;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getContactName() {
        return contactName;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isActive() {
        return active;
    }
}
