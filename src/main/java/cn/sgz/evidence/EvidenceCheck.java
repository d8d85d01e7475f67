package cn.sgz.evidence;

/** The checks of {@link QualificationRules}; {@link EvidencePolicy#applies} says which are on. */
public enum EvidenceCheck {
    PHOTO_REQUIRED,
    PHOTO_TIME,
    /** The photo carries a place (always), within the policy's distance of the station (when one is set). */
    PHOTO_PLACE,
    NO_DUPLICATE_PHOTOS,
    SIGN_IN_FOR_INDOOR,
    ATTENDEE_PHONE,
    RECEIPTS_FOR_DISTRIBUTION
}
