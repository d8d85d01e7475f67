package cn.sgz.evidence;

/** The checks an evidence policy can switch on or off. */
public enum EvidenceCheck {
    PHOTO_REQUIRED,
    PHOTO_TIME,
    PHOTO_PLACE,
    NO_DUPLICATE_PHOTOS,
    SIGN_IN_FOR_INDOOR,
    ATTENDEE_PHONE,
    MIN_ATTENDEES,
    RECEIPTS_FOR_DISTRIBUTION
}
