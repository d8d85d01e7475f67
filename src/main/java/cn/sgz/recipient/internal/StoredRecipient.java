package cn.sgz.recipient.internal;

import cn.sgz.recipient.DisabilityGrade;
import cn.sgz.recipient.DisabilityType;
import cn.sgz.recipient.RecipientStatus;
import cn.sgz.recipient.RiskLevel;
import cn.sgz.recipient.SubsidyStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** One recipient row as stored (ciphertext, not the ID number). */
record StoredRecipient(
        long id,
        long countyId,
        long stationId,
        long orgUnitId,
        String orgPath,
        String name,
        String gender,
        LocalDate birthDate,
        byte[] idCipher,
        String idHmac,
        String idTail,
        String phone,
        String address,
        DisabilityType disabilityType,
        DisabilityGrade disabilityGrade,
        SubsidyStatus subsidyStatus,
        RiskLevel riskLevel,
        RecipientStatus status,
        LocalDate statusDate,
        String note,
        Long mergedIntoId,
        LocalDate lastAssessedOn,
        long version) {

    static final String COLUMNS = "r.id, r.county_id, r.station_id, r.org_unit_id, r.org_path, r.name, r.gender, "
            + "r.birth_date, r.id_cipher, r.id_hmac, r.id_tail, r.phone, r.address, r.disability_type, "
            + "r.disability_grade, r.subsidy_status, r.risk_level, r.status, r.status_date, r.note, r.merged_into_id, "
            + "r.last_assessed_on, r.version";

    static StoredRecipient map(ResultSet rs, int row) throws SQLException {
        return new StoredRecipient(
                rs.getLong("id"),
                rs.getLong("county_id"),
                rs.getLong("station_id"),
                rs.getLong("org_unit_id"),
                rs.getString("org_path"),
                rs.getString("name"),
                rs.getString("gender"),
                rs.getObject("birth_date", LocalDate.class),
                rs.getBytes("id_cipher"),
                rs.getString("id_hmac"),
                rs.getString("id_tail"),
                rs.getString("phone"),
                rs.getString("address"),
                en(DisabilityType.class, rs.getString("disability_type")),
                en(DisabilityGrade.class, rs.getString("disability_grade")),
                en(SubsidyStatus.class, rs.getString("subsidy_status")),
                en(RiskLevel.class, rs.getString("risk_level")),
                RecipientStatus.valueOf(rs.getString("status")),
                rs.getObject("status_date", LocalDate.class),
                rs.getString("note"),
                (Long) rs.getObject("merged_into_id", Long.class),
                rs.getObject("last_assessed_on", LocalDate.class),
                rs.getLong("version"));
    }

    static <E extends Enum<E>> E en(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
