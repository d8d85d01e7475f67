package cn.sgz.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.shared.vocabulary.PublicityChannel;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each {@link ReasonCode} from one minimal record that breaks exactly that rule and nothing else (so a rule that stops
 * firing, or fires for the wrong fact, fails here), plus the upheld contest that clears a duplicate finding. Pure:
 * {@link QualificationRules} is a function of the facts and the policy. {@link #everyReasonCodeHasATest} checks that
 * every code has a test here.
 */
class QualificationReasonCodeTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final double LAT = 40.6010, LON = 109.9702;
    static final OffsetDateTime NINE = DAY.atTime(9, 30).atOffset(ZoneOffset.ofHours(8));

    static long ids = 100;

    static PhotoView photo(
            PhotoPurpose purpose, OffsetDateTime taken, Double lat, Double lon, Long duplicateOf, String contest) {
        return new PhotoView(
                ids++,
                "SERVICE_RECORD",
                1,
                "/1/2/",
                purpose,
                PhotoSource.CAMERA,
                "image/jpeg",
                2000,
                800,
                600,
                "sha",
                taken,
                taken == null ? null : "EXIF",
                lat,
                lon,
                lat == null ? null : "EXIF",
                true,
                duplicateOf,
                duplicateOf == null ? null : "SIMILAR",
                duplicateOf == null ? null : "SERVICE_RECORD",
                duplicateOf == null ? null : 7L,
                duplicateOf == null ? null : 3,
                duplicateOf == null ? null : 0.02,
                "a.jpg",
                "demo_worker",
                NINE,
                false,
                null,
                contest);
    }

    static PhotoView good() {
        return photo(PhotoPurpose.SCENE, NINE, LAT + 0.002, LON, null, null);
    }

    /** A record of one kind that satisfies every rule; the tests break one thing. */
    static final class Rec {
        ServiceKind kind;
        boolean indoor;
        String outdoorReason;
        boolean goods;
        List<PhotoView> photos = new ArrayList<>(List.of(good()));
        List<EvidenceFacts.Attendee> attendees = new ArrayList<>();
        List<EvidenceFacts.Person> served = new ArrayList<>();
        List<EvidenceFacts.Person> receipts = new ArrayList<>();
        PublicityChannel channel;
        String link;

        Rec(ServiceKind kind) {
            this.kind = kind;
        }

        Qualification q() {
            return QualificationRules.evaluate(
                    new EvidenceFacts(
                            kind,
                            DAY,
                            LAT,
                            LON,
                            indoor,
                            outdoorReason,
                            goods,
                            null,
                            photos,
                            attendees,
                            served,
                            served.size(),
                            receipts,
                            channel,
                            link),
                    EvidencePolicy.defaults());
        }

        List<ReasonCode> codes() {
            return q().reasons().stream().map(Qualification.Reason::code).toList();
        }
    }

    static void only(Rec r, ReasonCode code) {
        Qualification q = r.q();
        assertThat(q.status()).isEqualTo(QualificationStatus.EXCLUDED);
        assertThat(r.codes()).containsExactly(code);
        assertThat(q.reasons().get(0).label()).isEqualTo(code.label());
    }

    @Test
    void aRecordWithAGoodPhotoCounts() {
        Rec r = new Rec(ServiceKind.FOLLOW_UP_VISIT);
        assertThat(r.q().status()).isEqualTo(QualificationStatus.COUNTS);
        assertThat(r.codes()).isEmpty();
    }

    @Test
    void noPhoto() {
        Rec r = new Rec(ServiceKind.FOLLOW_UP_VISIT);
        r.photos.clear();
        only(r, ReasonCode.NO_PHOTO);
        // a receipt photo is no scene photo
        r.photos.add(photo(PhotoPurpose.RECEIPT, NINE, LAT, LON, null, null));
        only(r, ReasonCode.NO_PHOTO);
    }

    @Test
    void photoNoTime() {
        Rec r = new Rec(ServiceKind.FOLLOW_UP_VISIT);
        PhotoView p = photo(PhotoPurpose.SCENE, null, LAT, LON, null, null);
        r.photos.set(0, p);
        only(r, ReasonCode.PHOTO_NO_TIME);
        assertThat(r.q().reasons().get(0).photoId()).isEqualTo(p.id());
    }

    @Test
    void photoNoPlace() {
        Rec r = new Rec(ServiceKind.FOLLOW_UP_VISIT);
        r.photos.set(0, photo(PhotoPurpose.SCENE, NINE, null, null, null, null));
        only(r, ReasonCode.PHOTO_NO_PLACE);
    }

    @Test
    void photoDateMismatch() {
        Rec r = new Rec(ServiceKind.FOLLOW_UP_VISIT);
        r.photos.set(0, photo(PhotoPurpose.SCENE, NINE.minusDays(1), LAT, LON, null, null));
        only(r, ReasonCode.PHOTO_DATE_MISMATCH);
        // 23:30 on the service day in Beijing is 15:30 UTC: the same calendar day, no mismatch
        r.photos.set(0, photo(PhotoPurpose.SCENE, DAY.atTime(15, 30).atOffset(ZoneOffset.UTC), LAT, LON, null, null));
        assertThat(r.codes()).isEmpty();
    }

    @Test
    void photoTooFar() {
        Rec r = new Rec(ServiceKind.FOLLOW_UP_VISIT);
        r.photos.set(0, photo(PhotoPurpose.SCENE, NINE, LAT + 0.1, LON, null, null)); // about 11 km north
        only(r, ReasonCode.PHOTO_TOO_FAR);
        assertThat(r.q().reasons().get(0).detail()).contains("公里");
        r.photos.set(0, photo(PhotoPurpose.SCENE, NINE, LAT + 0.04, LON, null, null)); // about 4.4 km: inside 5 km
        assertThat(r.codes()).isEmpty();
    }

    @Test
    void duplicatePhoto() {
        Rec r = new Rec(ServiceKind.FOLLOW_UP_VISIT);
        r.photos.set(0, photo(PhotoPurpose.SCENE, NINE, LAT, LON, 42L, null));
        only(r, ReasonCode.DUPLICATE_PHOTO);
        assertThat(r.q().reasons().get(0).detail()).contains("#42");
    }

    @Test
    void aPendingOrRejectedContestLeavesTheDuplicateAndAnUpheldOneClearsIt() {
        Rec r = new Rec(ServiceKind.FOLLOW_UP_VISIT);
        r.photos.set(0, photo(PhotoPurpose.SCENE, NINE, LAT, LON, 42L, "PENDING"));
        assertThat(r.codes()).containsExactly(ReasonCode.DUPLICATE_PHOTO);
        r.photos.set(0, photo(PhotoPurpose.SCENE, NINE, LAT, LON, 42L, "REJECTED"));
        assertThat(r.codes()).containsExactly(ReasonCode.DUPLICATE_PHOTO);
        PhotoView upheld = photo(PhotoPurpose.SCENE, NINE, LAT, LON, 42L, "UPHELD");
        r.photos.set(0, upheld);
        assertThat(r.codes()).isEmpty();
        assertThat(r.q().status()).isEqualTo(QualificationStatus.COUNTS);
        assertThat(upheld.duplicate()).as("still flagged, for the record page").isTrue();
        assertThat(upheld.duplicateCleared()).isTrue();
        // the other rules still apply to a cleared photo
        r.photos.set(0, photo(PhotoPurpose.SCENE, null, LAT, LON, 42L, "UPHELD"));
        assertThat(r.codes()).containsExactly(ReasonCode.PHOTO_NO_TIME);
    }

    @Test
    void noSignIn() {
        Rec r = new Rec(ServiceKind.COMMUNITY_SERVICE);
        r.indoor = true;
        only(r, ReasonCode.NO_SIGN_IN);
        r.attendees.add(new EvidenceFacts.Attendee(1, "刘淑芬", "13904721234"));
        assertThat(r.codes()).isEmpty();
    }

    @Test
    void attendeePhoneInvalid() {
        Rec r = new Rec(ServiceKind.COMMUNITY_SERVICE);
        r.indoor = true;
        r.attendees.add(new EvidenceFacts.Attendee(1, "刘淑芬", "13904721234"));
        r.attendees.add(new EvidenceFacts.Attendee(2, "王建国", "139047"));
        only(r, ReasonCode.ATTENDEE_PHONE_INVALID);
        assertThat(r.q().reasons().get(0).entryId()).isEqualTo(2L);
        assertThat(r.q().reasons().get(0).detail()).contains("王建国");
    }

    @Test
    void noReceipt() {
        Rec r = new Rec(ServiceKind.MATERIAL_AID);
        r.goods = true;
        r.served.add(new EvidenceFacts.Person(5L, "刘玉珍"));
        only(r, ReasonCode.NO_RECEIPT);
        r.receipts.add(new EvidenceFacts.Person(5L, "刘玉珍"));
        assertThat(r.codes()).isEmpty();
    }

    @Test
    void noScreenshot() {
        Rec r = new Rec(ServiceKind.PUBLICITY);
        r.photos.clear();
        r.channel = PublicityChannel.WECHAT;
        r.link = "https://mp.weixin.qq.com/s/x";
        only(r, ReasonCode.NO_SCREENSHOT);
        r.photos.add(photo(PhotoPurpose.SCREENSHOT, null, null, null, null, null));
        assertThat(r.codes()).as("a screenshot needs no time or place").isEmpty();
    }

    @Test
    void noPublicityLink() {
        Rec r = new Rec(ServiceKind.PUBLICITY);
        r.photos.set(0, photo(PhotoPurpose.SCREENSHOT, null, null, null, null, null));
        r.channel = PublicityChannel.WECHAT;
        r.link = "mp.weixin.qq.com/s/x";
        only(r, ReasonCode.NO_PUBLICITY_LINK);
    }

    @Test
    void belowMinAttendeesAndSpotCheckFailedAreNeverSetByTheRules() {
        // BELOW_MIN_ATTENDEES is applied where group sessions are counted (the project's minimum); SPOT_CHECK_FAILED
        // by an evaluator. A group session with one attendee and a perfect record counts here.
        Rec r = new Rec(ServiceKind.GROUP_SESSION);
        r.indoor = true;
        r.attendees.add(new EvidenceFacts.Attendee(1, "刘淑芬", "13904721234"));
        assertThat(r.codes()).isEmpty();
        for (ReasonCode c : List.of(ReasonCode.BELOW_MIN_ATTENDEES, ReasonCode.SPOT_CHECK_FAILED)) {
            assertThat(c.label()).isNotBlank();
            assertThat(c.fix()).isNotBlank();
        }
    }

    /** Which test breaks which rule: a new reason code without a test here fails {@link #everyReasonCodeHasATest}. */
    static final java.util.Map<ReasonCode, String> TESTS = java.util.Map.ofEntries(
            java.util.Map.entry(ReasonCode.NO_PHOTO, "noPhoto"),
            java.util.Map.entry(ReasonCode.PHOTO_NO_TIME, "photoNoTime"),
            java.util.Map.entry(ReasonCode.PHOTO_NO_PLACE, "photoNoPlace"),
            java.util.Map.entry(ReasonCode.PHOTO_DATE_MISMATCH, "photoDateMismatch"),
            java.util.Map.entry(ReasonCode.PHOTO_TOO_FAR, "photoTooFar"),
            java.util.Map.entry(ReasonCode.DUPLICATE_PHOTO, "duplicatePhoto"),
            java.util.Map.entry(ReasonCode.NO_SIGN_IN, "noSignIn"),
            java.util.Map.entry(ReasonCode.ATTENDEE_PHONE_INVALID, "attendeePhoneInvalid"),
            java.util.Map.entry(
                    ReasonCode.BELOW_MIN_ATTENDEES, "belowMinAttendeesAndSpotCheckFailedAreNeverSetByTheRules"),
            java.util.Map.entry(ReasonCode.NO_RECEIPT, "noReceipt"),
            java.util.Map.entry(ReasonCode.NO_SCREENSHOT, "noScreenshot"),
            java.util.Map.entry(ReasonCode.NO_PUBLICITY_LINK, "noPublicityLink"),
            java.util.Map.entry(
                    ReasonCode.SPOT_CHECK_FAILED, "belowMinAttendeesAndSpotCheckFailedAreNeverSetByTheRules"));

    @Test
    void everyReasonCodeHasATest() throws Exception {
        assertThat(TESTS.keySet()).containsExactlyInAnyOrder(ReasonCode.values());
        for (String method : TESTS.values()) {
            assertThat(QualificationReasonCodeTest.class
                            .getDeclaredMethod(method)
                            .isAnnotationPresent(Test.class))
                    .as(method)
                    .isTrue();
        }
    }
}
