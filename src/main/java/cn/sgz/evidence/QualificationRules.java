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

    public static Qualification evaluate(EvidenceFacts f, EvidencePolicy policy) {
        List<Reason> reasons = new ArrayList<>();
        List<PhotoView> photos = f.photos().stream().filter(p -> !p.removed()).toList();
        List<PhotoView> scene =
                photos.stream().filter(p -> p.purpose() == PhotoPurpose.SCENE).toList();
        boolean photoNeeded =
                policy.applies(EvidenceCheck.PHOTO_REQUIRED) && f.kind().proof() != ServiceKind.Proof.NONE;
        if (photoNeeded && scene.isEmpty()) {
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
            if (policy.applies(EvidenceCheck.PHOTO_PLACE)
                    && policy.maxDistanceMeters() != null
                    && p.hasPosition()
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
        if (policy.applies(EvidenceCheck.NO_DUPLICATE_PHOTOS)) {
            for (PhotoView p : photos) {
                if (p.duplicate()) {
                    reasons.add(new Reason(
                            ReasonCode.DUPLICATE_PHOTO,
                            p.id(),
                            null,
                            "照片 #" + p.id() + " 与照片 #" + p.duplicateOfId() + " 重复（" + p.duplicateKindLabel() + "）"));
                }
            }
        }
        if (f.organisedIndoorActivity()) {
            if (policy.applies(EvidenceCheck.SIGN_IN_FOR_INDOOR)
                    && f.attendees().isEmpty()) {
                reasons.add(new Reason(ReasonCode.NO_SIGN_IN, null, null, "签到表中还没有人员"));
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
        if (f.distributesGoods()
                && policy.applies(EvidenceCheck.RECEIPTS_FOR_DISTRIBUTION)
                && f.receiptCount() == 0
                && photos.stream().noneMatch(p -> p.purpose() == PhotoPurpose.RECEIPT)) {
            reasons.add(new Reason(ReasonCode.NO_RECEIPT, null, null, "发放了物品，但没有领取单据或领取照片"));
        }
        return new Qualification(
                reasons.isEmpty() ? QualificationStatus.COUNTS : QualificationStatus.EXCLUDED, reasons);
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
