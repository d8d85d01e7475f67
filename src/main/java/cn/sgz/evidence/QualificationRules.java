package cn.sgz.evidence;

import cn.sgz.evidence.Qualification.Reason;
import cn.sgz.shared.PhoneNumbers;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of DESIGN.md "What makes a service count", as one pure function of a record's facts and
 * the evidence policy. Every failed rule adds a reason; a record counts only when none is found.
 */
public final class QualificationRules {

    /** Capture times are compared as calendar dates in China Standard Time. */
    public static final ZoneId ZONE = cn.sgz.shared.ChinaTime.ZONE;

    private QualificationRules() {}

    /**
     * The version of these rules. Raise it when a rule changes: records qualified under an older version are
     * qualified again at start-up (the qualification is stored, so a changed rule must reach stored records).
     * 2: rules follow from the kind of service; relaxing one needs a reason; receipts per person; photo place
     * required; 宣传展示 needs a screenshot and (online) a link.
     */
    public static final int VERSION = 2;

    public static Qualification evaluate(EvidenceFacts f, EvidencePolicy policy) {
        List<Reason> reasons = new ArrayList<>();
        List<PhotoView> photos = f.photos().stream().filter(p -> !p.removed()).toList();
        ServiceKind.Proof proof = f.kind().proof();
        if (proof == ServiceKind.Proof.SCREENSHOT) {
            publicity(f, photos, reasons, policy);
        } else {
            scenePhotos(f, photos, reasons, policy, proof == ServiceKind.Proof.SCENE_PHOTO);
        }
        if (policy.applies(EvidenceCheck.NO_DUPLICATE_PHOTOS)) {
            for (PhotoView p : photos) {
                // a finding the bureau set aside (contest upheld) is not a duplicate any more
                if (p.countsAsDuplicate()) {
                    reasons.add(new Reason(
                            ReasonCode.DUPLICATE_PHOTO,
                            p.id(),
                            null,
                            "照片 #" + p.id() + " 与照片 #" + p.duplicateOfId() + " 重复（" + p.duplicateKindLabel() + "）"));
                }
            }
        }
        if (f.needsSignIn()) {
            if (policy.applies(EvidenceCheck.SIGN_IN_FOR_INDOOR)
                    && f.attendees().isEmpty()) {
                reasons.add(new Reason(
                        ReasonCode.NO_SIGN_IN,
                        null,
                        null,
                        f.indoor() ? "签到表中还没有人员" : f.kind().label() + "须有签到表；在户外举办的，请填写不需要签到表的原因"));
            }
            if (policy.applies(EvidenceCheck.ATTENDEE_PHONE)) {
                for (EvidenceFacts.Attendee a : f.attendees()) {
                    if (!PhoneNumbers.isValid(a.phone())) {
                        reasons.add(new Reason(
                                ReasonCode.ATTENDEE_PHONE_INVALID,
                                null,
                                a.entryId(),
                                "签到人员“" + a.name() + "”"
                                        + (a.phone() == null || a.phone().isBlank() ? "未填电话" : "的电话不正确")));
                    }
                }
            }
        }
        if (f.needsReceipts() && policy.applies(EvidenceCheck.RECEIPTS_FOR_DISTRIBUTION)) {
            receipts(f, photos, reasons);
        }
        return new Qualification(
                reasons.isEmpty() ? QualificationStatus.COUNTS : QualificationStatus.EXCLUDED, reasons);
    }

    private static void scenePhotos(
            EvidenceFacts f, List<PhotoView> photos, List<Reason> reasons, EvidencePolicy policy, boolean needed) {
        List<PhotoView> scene =
                photos.stream().filter(p -> p.purpose() == PhotoPurpose.SCENE).toList();
        if (needed && policy.applies(EvidenceCheck.PHOTO_REQUIRED) && scene.isEmpty()) {
            reasons.add(new Reason(ReasonCode.NO_PHOTO, null, null, "本记录还没有现场照片"));
        }
        for (PhotoView p : scene) {
            if (policy.applies(EvidenceCheck.PHOTO_TIME)) {
                if (p.capturedAt() == null) {
                    reasons.add(new Reason(ReasonCode.PHOTO_NO_TIME, p.id(), null, "照片 #" + p.id() + " 没有拍摄时间"));
                } else {
                    LocalDate taken = p.capturedAt().atZoneSameInstant(ZONE).toLocalDate();
                    long days = Math.abs(ChronoUnit.DAYS.between(f.serviceDate(), taken));
                    if (days > policy.captureGraceDays()) {
                        reasons.add(new Reason(
                                ReasonCode.PHOTO_DATE_MISMATCH,
                                p.id(),
                                null,
                                "照片 #" + p.id() + " 拍摄于 " + taken + "，服务日期为 " + f.serviceDate()));
                    }
                }
            }
            if (policy.applies(EvidenceCheck.PHOTO_PLACE)) {
                if (!p.hasPosition()) {
                    // 水印照片（带时间、地点）: a photo without a place shows nothing about where the service was
                    reasons.add(new Reason(
                            ReasonCode.PHOTO_NO_PLACE, p.id(), null, "照片 #" + p.id() + " 没有拍摄地点（水印照片须带时间、地点）"));
                } else if (policy.maxDistanceMeters() != null
                        && f.siteLatitude() != null
                        && f.siteLongitude() != null) {
                    double meters = distanceMeters(f.siteLatitude(), f.siteLongitude(), p.latitude(), p.longitude());
                    if (meters > policy.maxDistanceMeters()) {
                        reasons.add(new Reason(
                                ReasonCode.PHOTO_TOO_FAR,
                                p.id(),
                                null,
                                "照片 #" + p.id() + " 拍摄地点距服务地点约 " + formatDistance(meters) + "，允许范围 "
                                        + formatDistance(policy.maxDistanceMeters())));
                    }
                }
            }
        }
    }

    /** 宣传展示: a screenshot of the publication (or a photo of the 宣传栏) and, when published online, its link. */
    private static void publicity(
            EvidenceFacts f, List<PhotoView> photos, List<Reason> reasons, EvidencePolicy policy) {
        boolean shown = photos.stream()
                .anyMatch(p -> p.purpose() == PhotoPurpose.SCREENSHOT || p.purpose() == PhotoPurpose.SCENE);
        if (policy.applies(EvidenceCheck.PHOTO_REQUIRED) && !shown) {
            reasons.add(new Reason(ReasonCode.NO_SCREENSHOT, null, null, "本记录还没有发布截图"));
        }
        boolean online = f.publicityChannel() == null || f.publicityChannel().online();
        String link = f.publicityLink() == null ? "" : f.publicityLink().strip();
        if (online && !(link.startsWith("http://") || link.startsWith("https://"))) {
            reasons.add(new Reason(
                    ReasonCode.NO_PUBLICITY_LINK,
                    null,
                    null,
                    (f.publicityChannel() == null
                                    ? "线上发布"
                                    : f.publicityChannel().label()) + "的宣传展示还没有发布链接"));
        }
    }

    /**
     * 所有活动发放物品，需提供领取单据: every person named as served has a receipt of their own (by ledger id, else by
     * name); with nobody named, the receipts must cover the number served, or a receipt photo (合照或领取照片, small
     * items) shows the hand-out.
     */
    private static void receipts(EvidenceFacts f, List<PhotoView> photos, List<Reason> reasons) {
        boolean receiptPhoto = photos.stream().anyMatch(p -> p.purpose() == PhotoPurpose.RECEIPT);
        if (!f.served().isEmpty()) {
            List<EvidenceFacts.Person> left = new ArrayList<>(f.receipts());
            for (EvidenceFacts.Person person : f.served()) {
                EvidenceFacts.Person match = left.stream()
                        .filter(r -> samePerson(person, r))
                        .findFirst()
                        .orElse(null);
                if (match != null) {
                    left.remove(match);
                } else {
                    reasons.add(new Reason(
                            ReasonCode.NO_RECEIPT, null, null, "“" + person.name() + "”没有领取记录（发放物品须每人一份领取单据）"));
                }
            }
            return;
        }
        if (f.receipts().isEmpty() && !receiptPhoto) {
            reasons.add(new Reason(ReasonCode.NO_RECEIPT, null, null, "发放了物品，但没有领取单据或领取照片"));
        } else if (!receiptPhoto && f.receipts().size() < f.servedCount()) {
            reasons.add(new Reason(
                    ReasonCode.NO_RECEIPT,
                    null,
                    null,
                    "服务 " + f.servedCount() + " 人，只有 " + f.receipts().size() + " 份领取记录（发放物品须每人一份领取单据）"));
        }
    }

    private static boolean samePerson(EvidenceFacts.Person served, EvidenceFacts.Person receipt) {
        if (served.recipientId() != null && receipt.recipientId() != null) {
            return served.recipientId().equals(receipt.recipientId());
        }
        return served.name() != null
                && served.name()
                        .strip()
                        .equals(receipt.name() == null ? null : receipt.name().strip());
    }

    /** Great-circle distance (haversine) in metres. */
    public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double r = 6_371_000;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static String formatDistance(double meters) {
        return meters >= 1000 ? String.format("%.1f 公里", meters / 1000) : Math.round(meters) + " 米";
    }
}
