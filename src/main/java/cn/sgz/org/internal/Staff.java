package cn.sgz.org.internal;

import cn.sgz.org.CertificateLevel;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** 驻站人员: a person working at a station, with their social-work certificate. */
@Entity
@Table(name = "staff")
public class Staff {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long stationId;
    private Long agencyId;
    private String name;
    private String gender;
    private String phone;
    private String position;

    @Enumerated(EnumType.STRING)
    private CertificateLevel certLevel = CertificateLevel.NONE;

    private String certNumber;
    private LocalDate certDate;
    private boolean active = true;

    @Column(updatable = false)
    private OffsetDateTime createdAt = ChinaTime.offsetNow();

    @Version
    private long version;

    protected Staff() {}

    Staff(Long stationId, Long agencyId) {
        this.stationId = stationId;
        this.agencyId = agencyId;
    }

    void update(
            String name,
            String gender,
            String phone,
            String position,
            CertificateLevel certLevel,
            String certNumber,
            LocalDate certDate) {
        this.name = name;
        this.gender = gender;
        this.phone = phone;
        this.position = position;
        this.certLevel = certLevel == null ? CertificateLevel.NONE : certLevel;
        this.certNumber = this.certLevel == CertificateLevel.NONE ? null : certNumber;
        this.certDate = this.certLevel == CertificateLevel.NONE ? null : certDate;
    }

    void deactivate() {
        this.active = false;
    }

    public Long getId() {
        return id;
    }

    public Long getStationId() {
        return stationId;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public String getName() {
        return name;
    }

    public String getGender() {
        return gender;
    }

    public String getPhone() {
        return phone;
    }

    public String getPosition() {
        return position;
    }

    public CertificateLevel getCertLevel() {
        return certLevel;
    }

    public String getCertNumber() {
        return certNumber;
    }

    public LocalDate getCertDate() {
        return certDate;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }
}
