package cn.sgz.casework.internal;

/** The SQL condition “the case or group this row belongs to is of :domain”, for rows with owner_type/owner_id. */
final class OwnerDomain {

    /** Format with the row's table alias. */
    static final String SQL =
            "AND ((%1$s.owner_type = 'CASE' AND EXISTS (SELECT 1 FROM cw_case c WHERE c.id = %1$s.owner_id "
                    + "AND c.domain = :domain)) OR (%1$s.owner_type <> 'CASE' AND EXISTS (SELECT 1 FROM cw_group g "
                    + "WHERE g.id = %1$s.owner_id AND g.domain = :domain))) ";

    private OwnerDomain() {}
}
