package cn.sgz.catalog;

/**
 * Which evidence checks decide whether a record counts, per project (DESIGN.md "What makes a service
 * count"). The defaults follow the seeds' 工作要求.
 *
 * @param photoRequired 如无水印照片，将不认定服务次数
 * @param maxDistanceMeters a photo with a position farther than this from the station is excluded; null = no check
 * @param captureGraceDays how many days a photo's capture date may differ from the service date
 * @param minGroupAttendees minimum attendees of a group session unless the indicator says more; null = none
 * @param signInRequiredIndoor 室内组织的活动需提供人员签到表及电话
 * @param receiptsRequired 所有活动发放物品，需提供领取单据
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "ProjectEvidencePolicy")
public record EvidencePolicy(
        boolean photoRequired,
        Integer maxDistanceMeters,
        int captureGraceDays,
        Integer minGroupAttendees,
        boolean signInRequiredIndoor,
        boolean receiptsRequired) {

    public static EvidencePolicy defaults() {
        return new EvidencePolicy(true, 3000, 0, 6, true, true);
    }
}
