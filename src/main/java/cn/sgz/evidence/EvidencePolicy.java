package cn.sgz.evidence;

/**
 * Which evidence a service record needs to count (DESIGN.md "What makes a service count"): the one policy type,
 * set per project by the bureau (on the project form) and applied by {@link QualificationRules}. The system
 * default ({@link #defaults()}) follows the seeds' 工作要求; what a record needs beyond that follows from its
 * {@link cn.sgz.shared.vocabulary.ServiceKind} (a gathering needs a sign-in sheet, goods handed out need a receipt
 * per person), and a worker cannot switch a rule off without giving a reason.
 *
 * @param photoRequired 如无水印照片，将不认定服务次数
 * @param maxDistanceMeters how far from the station (or room) a photo may have been taken; null = the distance is
 *     not checked (the photo must still carry a place)
 * @param captureGraceDays how many days a photo's capture date may differ from the service date
 * @param minGroupAttendees minimum attendees of a group session unless the indicator says more; null = none
 * @param signInRequiredIndoor 室内组织的活动需提供人员签到表及电话
 * @param receiptsRequired 所有活动发放物品，需提供领取单据
 * @param source where the policy comes from, shown to people ("系统默认", "项目“…”"); null on a stored project
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "EvidencePolicy")
public record EvidencePolicy(
        boolean photoRequired,
        Integer maxDistanceMeters,
        int captureGraceDays,
        Integer minGroupAttendees,
        boolean signInRequiredIndoor,
        boolean receiptsRequired,
        String source) {

    /**
     * The default distance. The seeds have each 乡镇/街道 do its list on its own ("每个乡镇、街道均需按此服务清单独立完成")
     * and much of the work happens in people's homes (入户需求评估, 上门回访), so the radius must cover a 街道's service
     * area around the station, not the station building: 5 km covers a town street with margin and still catches a
     * photo from another town. A rural 苏木乡镇 sets a larger value on its project.
     */
    public static final int DEFAULT_MAX_DISTANCE_METERS = 5000;

    public EvidencePolicy(
            boolean photoRequired,
            Integer maxDistanceMeters,
            int captureGraceDays,
            Integer minGroupAttendees,
            boolean signInRequiredIndoor,
            boolean receiptsRequired) {
        this(
                photoRequired,
                maxDistanceMeters,
                captureGraceDays,
                minGroupAttendees,
                signInRequiredIndoor,
                receiptsRequired,
                null);
    }

    public static EvidencePolicy defaults() {
        return new EvidencePolicy(true, DEFAULT_MAX_DISTANCE_METERS, 0, 6, true, true, "系统默认");
    }

    public EvidencePolicy withSource(String source) {
        return new EvidencePolicy(
                photoRequired,
                maxDistanceMeters,
                captureGraceDays,
                minGroupAttendees,
                signInRequiredIndoor,
                receiptsRequired,
                source);
    }

    /** Whether a check is on under this policy. Duplicate photos and capture times are checked always. */
    public boolean applies(EvidenceCheck check) {
        return switch (check) {
            case PHOTO_REQUIRED -> photoRequired;
            case PHOTO_TIME, NO_DUPLICATE_PHOTOS -> true;
            case PHOTO_PLACE -> true;
            case SIGN_IN_FOR_INDOOR, ATTENDEE_PHONE -> signInRequiredIndoor;
            case RECEIPTS_FOR_DISTRIBUTION -> receiptsRequired;
        };
    }
}
