package cn.sgz.org;

import java.time.LocalDate;

/** 驻站人员 as listed; phone and certificate number are shown to those who manage staff. */
public record StaffView(
        long id,
        long stationId,
        String stationName,
        Long agencyId,
        String name,
        String gender,
        String phone,
        String position,
        CertificateLevel certLevel,
        String certNumber,
        LocalDate certDate,
        boolean active,
        long version) {

    public String certLabel() {
        return certLevel.label();
    }
}
