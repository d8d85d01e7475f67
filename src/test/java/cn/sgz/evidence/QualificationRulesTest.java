package cn.sgz.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.shared.vocabulary.PublicityChannel;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evidence rules follow from the kind of service (its properties on {@link ServiceKind}) and the project's
 * policy; a worker's choice relaxes a rule only with a reason. Pure: no database, no application.
 */
class QualificationRulesTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final double LAT = 40.6, LON = 109.8;
    static final EvidencePolicy POLICY = EvidencePolicy.defaults();

    static long photoIds = 1;

    static PhotoView photo(PhotoPurpose purpose, boolean withTime, Double lat, Double lon) {
        OffsetDateTime t = withTime ? DAY.atTime(10, 0).atOffset(ZoneOffset.ofHours(8)) : null;
        return new PhotoView(
                photoIds++,
                "SERVICE_RECORD",
                1,
                "/1/",
                purpose,
                PhotoSource.CAMERA,
                "image/jpeg",
                1000,
                640,
                480,
                "x",
                t,
                "EXIF",
                lat,
                lon,
                "EXIF",
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                "a.jpg",
                "w",
                t,
                false,
                null,
                null);
    }

    static PhotoView goodScene() {
        return photo(PhotoPurpose.SCENE, true, LAT + 0.001, LON);
    }

    /** A record of the kind with a good scene photo, nothing else; tweak with the builder methods. */
    static final class F {
        ServiceKind kind;
        boolean indoor;
        String outdoorReason;
        boolean goods;
        String noGoodsReason;
        List<PhotoView> photos = new ArrayList<>(List.of(goodScene()));
        List<EvidenceFacts.Attendee> attendees = new ArrayList<>();
        List<EvidenceFacts.Person> served = new ArrayList<>();
        int servedCount;
        List<EvidenceFacts.Person> receipts = new ArrayList<>();
        PublicityChannel channel;
        String link;

        F(ServiceKind kind) {
            this.kind = kind;
        }

        EvidenceFacts facts() {
            return new EvidenceFacts(
                    kind,
                    DAY,
                    LAT,
                    LON,
                    indoor,
                    outdoorReason,
                    goods,
                    noGoodsReason,
                    photos,
                    attendees,
                    served,
                    Math.max(servedCount, served.size()),
                    receipts,
                    channel,
                    link);
        }

        List<ReasonCode> codes() {
            return QualificationRules.evaluate(facts(), POLICY).reasons().stream()
                    .map(Qualification.Reason::code)
                    .toList();
        }

        Qualification q() {
            return QualificationRules.evaluate(facts(), POLICY);
        }
    }

    // ---- sign-in: follows from "gathering" -------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceKind.class)
    void signInRuleFiresForEveryIndoorGatheringAndNoOtherKind(ServiceKind kind) {
        F f = new F(kind);
        f.indoor = true;
        f.link = "https://example.cn/a";
        f.channel = PublicityChannel.WECHAT;
        f.photos.add(photo(PhotoPurpose.SCREENSHOT, false, null, null));
        assertThat(f.codes().contains(ReasonCode.NO_SIGN_IN)).isEqualTo(kind.gathering());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gatherings")
    void untickingIndoorOnAGatheringDoesNotSwitchTheRuleOffWithoutAReason(ServiceKind kind) {
        F f = new F(kind);
        f.indoor = false;
        assertThat(f.codes()).contains(ReasonCode.NO_SIGN_IN);
        f.outdoorReason = "   ";
        assertThat(f.codes()).contains(ReasonCode.NO_SIGN_IN);
        f.outdoorReason = "广场宣传，人员流动";
        assertThat(f.codes()).doesNotContain(ReasonCode.NO_SIGN_IN);
        assertThat(f.facts().relaxations()).containsExactly("户外活动，未要求签到表。原因：广场宣传，人员流动");
    }

    static Stream<ServiceKind> gatherings() {
        return Arrays.stream(ServiceKind.values()).filter(ServiceKind::gathering);
    }

    @Test
    void anOutdoorReasonOnAnIndoorGatheringRelaxesNothing() {
        F f = new F(ServiceKind.TRAINING);
        f.indoor = true;
        f.outdoorReason = "随便写的";
        assertThat(f.codes()).contains(ReasonCode.NO_SIGN_IN);
        assertThat(f.facts().relaxations()).isEmpty();
    }

    @Test
    void signedInAttendeesNeedValidPhones() {
        F f = new F(ServiceKind.COMMUNITY_SERVICE);
        f.indoor = true;
        f.attendees.add(new EvidenceFacts.Attendee(1, "刘淑芬", "13904721234"));
        assertThat(f.codes()).isEmpty();
        f.attendees.add(new EvidenceFacts.Attendee(2, "王建国", null));
        assertThat(f.codes()).containsExactly(ReasonCode.ATTENDEE_PHONE_INVALID);
    }

    // ---- receipts: follow from "handsOutGoods", one per person ------------------------------------

    static Stream<Arguments> receiptCases() {
        return Stream.of(
                // kind, goods ticked, no-goods reason, receipt rule fires
                Arguments.of(ServiceKind.MATERIAL_AID, false, null, true),
                Arguments.of(ServiceKind.MATERIAL_AID, false, "  ", true),
                Arguments.of(ServiceKind.MATERIAL_AID, false, "本次为协助申请，未发放物品", false),
                Arguments.of(ServiceKind.MATERIAL_AID, true, null, true),
                Arguments.of(ServiceKind.MATERIAL_AID, true, "写了原因但勾了发放", true),
                Arguments.of(ServiceKind.CARE_SERVICE, false, null, false),
                Arguments.of(ServiceKind.CARE_SERVICE, true, null, true),
                Arguments.of(ServiceKind.CHARITY_RELIEF, true, null, true),
                Arguments.of(ServiceKind.FOLLOW_UP_VISIT, false, null, false));
    }

    @ParameterizedTest(name = "{0} goods={1} reason={2} → fires={3}")
    @MethodSource("receiptCases")
    void receiptRuleFollowsFromTheKindAndOnlyAReasonRelaxesIt(
            ServiceKind kind, boolean goods, String reason, boolean fires) {
        F f = new F(kind);
        f.goods = goods;
        f.noGoodsReason = reason;
        f.served.add(new EvidenceFacts.Person(null, "刘玉珍"));
        assertThat(f.codes().contains(ReasonCode.NO_RECEIPT)).isEqualTo(fires);
    }

    @Test
    void aMaterialAidWithoutGoodsAndWithAReasonCountsAndShowsTheReason() {
        F f = new F(ServiceKind.MATERIAL_AID);
        f.noGoodsReason = "本次为协助申请临时救助";
        assertThat(f.q().status()).isEqualTo(QualificationStatus.COUNTS);
        assertThat(f.facts().relaxations()).containsExactly("物质帮扶未发放物品，未要求领取单据。原因：本次为协助申请临时救助");
    }

    @Test
    void oneReceiptDoesNotCoverThreeRecipients() {
        F f = new F(ServiceKind.MATERIAL_AID);
        f.goods = true;
        f.served.add(new EvidenceFacts.Person(11L, "刘玉珍"));
        f.served.add(new EvidenceFacts.Person(12L, "高秀云"));
        f.served.add(new EvidenceFacts.Person(null, "韩春梅"));
        f.receipts.add(new EvidenceFacts.Person(11L, "刘玉珍"));
        Qualification q = f.q();
        assertThat(q.status()).isEqualTo(QualificationStatus.EXCLUDED);
        assertThat(q.reasons())
                .extracting(Qualification.Reason::detail)
                .containsExactly("“高秀云”没有领取记录（发放物品须每人一份领取单据）", "“韩春梅”没有领取记录（发放物品须每人一份领取单据）");
        f.receipts.add(new EvidenceFacts.Person(12L, "高秀云"));
        f.receipts.add(new EvidenceFacts.Person(null, "韩春梅"));
        assertThat(f.q().status()).isEqualTo(QualificationStatus.COUNTS);
    }

    @Test
    void withNobodyNamedTheReceiptsMustCoverTheNumberServedUnlessAReceiptPhotoShowsTheHandOut() {
        F f = new F(ServiceKind.CHARITY_RELIEF);
        f.goods = true;
        f.servedCount = 3;
        assertThat(f.codes()).containsExactly(ReasonCode.NO_RECEIPT);
        f.receipts.add(new EvidenceFacts.Person(null, "甲"));
        assertThat(f.q().reasons())
                .extracting(Qualification.Reason::detail)
                .containsExactly("服务 3 人，只有 1 份领取记录（发放物品须每人一份领取单据）");
        f.photos.add(photo(PhotoPurpose.RECEIPT, true, LAT, LON));
        assertThat(f.codes()).isEmpty();
    }

    @Test
    void projectPolicyMaySwitchReceiptsOff() {
        F f = new F(ServiceKind.MATERIAL_AID);
        EvidencePolicy noReceipts = new EvidencePolicy(true, 5000, 0, 6, true, false);
        assertThat(QualificationRules.evaluate(f.facts(), noReceipts).status()).isEqualTo(QualificationStatus.COUNTS);
    }

    // ---- photos: time AND place --------------------------------------------------------------------

    @Test
    void aPhotoWithATimeButNoPlaceIsExcludedWithAChineseReason() {
        F f = new F(ServiceKind.HOME_ASSESSMENT);
        f.photos.clear();
        PhotoView p = photo(PhotoPurpose.SCENE, true, null, null);
        f.photos.add(p);
        Qualification q = f.q();
        assertThat(q.status()).isEqualTo(QualificationStatus.EXCLUDED);
        assertThat(q.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.PHOTO_NO_PLACE);
            assertThat(r.detail()).isEqualTo("照片 #" + p.id() + " 没有拍摄地点（水印照片须带时间、地点）");
            assertThat(r.code().label()).isEqualTo("照片没有拍摄地点");
        });
    }

    @Test
    void placeIsRequiredEvenWhenTheProjectDoesNotCheckTheDistance() {
        EvidencePolicy noDistance = new EvidencePolicy(true, null, 0, 6, true, true);
        F f = new F(ServiceKind.HOME_ASSESSMENT);
        f.photos.set(0, photo(PhotoPurpose.SCENE, true, null, null));
        assertThat(QualificationRules.evaluate(f.facts(), noDistance).reasons())
                .extracting(Qualification.Reason::code)
                .containsExactly(ReasonCode.PHOTO_NO_PLACE);
        f.photos.set(0, photo(PhotoPurpose.SCENE, true, LAT + 1, LON));
        assertThat(QualificationRules.evaluate(f.facts(), noDistance).status()).isEqualTo(QualificationStatus.COUNTS);
        assertThat(f.codes()).containsExactly(ReasonCode.PHOTO_TOO_FAR);
    }

    @Test
    void theDefaultDistanceIsFiveKilometres() {
        F f = new F(ServiceKind.FOLLOW_UP_VISIT);
        f.photos.set(0, photo(PhotoPurpose.SCENE, true, LAT + 0.04, LON)); // about 4.4 km north
        assertThat(f.codes()).isEmpty();
        f.photos.set(0, photo(PhotoPurpose.SCENE, true, LAT + 0.05, LON)); // about 5.6 km
        assertThat(f.codes()).containsExactly(ReasonCode.PHOTO_TOO_FAR);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceKind.class)
    void whichKindsNeedAScenePhoto(ServiceKind kind) {
        F f = new F(kind);
        f.photos.clear();
        f.indoor = false;
        f.outdoorReason = "户外";
        f.noGoodsReason = "无";
        boolean fires = f.codes().contains(ReasonCode.NO_PHOTO);
        assertThat(fires).isEqualTo(kind.proof() == ServiceKind.Proof.SCENE_PHOTO);
    }

    // ---- 宣传展示 ---------------------------------------------------------------------------------------

    @Test
    void publicityNeedsAScreenshotAndAnOnlineLinkButNoPlaceOrTime() {
        F f = new F(ServiceKind.PUBLICITY);
        f.photos.clear();
        f.channel = PublicityChannel.WECHAT;
        assertThat(f.codes()).containsExactlyInAnyOrder(ReasonCode.NO_SCREENSHOT, ReasonCode.NO_PUBLICITY_LINK);
        f.photos.add(photo(PhotoPurpose.SCREENSHOT, false, null, null));
        f.link = "https://mp.weixin.qq.com/s/abc";
        assertThat(f.codes()).isEmpty();
        f.channel = PublicityChannel.NOTICE_BOARD;
        f.link = null;
        assertThat(f.codes()).isEmpty();
    }

    // ---- the vocabulary ------------------------------------------------------------------------------

    @Test
    void oldCodesAndLabelsAreSynonyms() {
        assertThat(ServiceKind.parse("RESOURCE_LINKING")).isEqualTo(ServiceKind.RESOURCE_LINK);
        assertThat(ServiceKind.parse("物资帮扶")).isEqualTo(ServiceKind.MATERIAL_AID);
        assertThat(ServiceKind.parse("物质帮扶")).isEqualTo(ServiceKind.MATERIAL_AID);
        assertThat(ServiceKind.parse("小组活动")).isEqualTo(ServiceKind.GROUP_SESSION);
        assertThat(ServiceKind.parse("回访（上门）")).isEqualTo(ServiceKind.FOLLOW_UP_VISIT);
        assertThat(ServiceKind.parse("community_activity")).isEqualTo(ServiceKind.COMMUNITY_SERVICE);
        assertThat(ServiceKind.parse("宣传展示")).isEqualTo(ServiceKind.PUBLICITY);
        assertThat(ServiceKind.parseCountable("OTHER")).isNull();
        // one label per kind: no label is another kind's synonym
        for (ServiceKind k : ServiceKind.values()) {
            assertThat(ServiceKind.parse(k.label())).isEqualTo(k);
        }
        assertThat(Arrays.stream(ServiceKind.values())
                        .map(ServiceKind::label)
                        .distinct()
                        .count())
                .isEqualTo(ServiceKind.values().length);
    }
}
