package cn.sgz.casework.internal;

/** The SQL condition “the case or group this row belongs to is of :domain”, for rows with owner_type/owner_id. */
final class OwnerDomain {

    /** Format with the row's table alias. */
    static final String SQL =
            "AND ((%1$s.owner_type = 'CASE' AND EXISTS (SELECT 1 FROM cw_case c WHERE c.id = %1$s.owner_id "
                    + "AND c.domain = :domain)) OR (%1$s.owner_type <> 'CASE' AND EXISTS (SELECT 1 FROM cw_group g "
                    + "WHERE g.id = %1$s.owner_id AND g.domain = :domain))) ";

    /**
     * The domain of the case or group a row (alias {@code x}) belongs to, null when neither: the column {@code
     * owner_domain} and the joins it needs; rows then match {@link #SQL} for :domain exactly when owner_domain =
     * :domain (ids are primary keys, so each join finds at most one row).
     */
    static String column(String x) {
        return "CASE WHEN " + x + ".owner_type = 'CASE' THEN oc.domain ELSE og.domain END AS owner_domain";
    }

    static String joins(String x) {
        return " LEFT JOIN cw_case oc ON " + x + ".owner_type = 'CASE' AND oc.id = " + x + ".owner_id"
                + " LEFT JOIN cw_group og ON " + x + ".owner_type <> 'CASE' AND og.id = " + x + ".owner_id ";
    }

    private OwnerDomain() {}
}
