package cn.sgz.evidence;

import cn.sgz.shared.vocabulary.PublicityChannel;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the rules need to know about one record, gathered by the record's owner module. Which rules apply
 * follows from the {@link ServiceKind}; the worker's choices (outdoors, no goods) relax a rule only with a reason.
 *
 * @param kind the kind of service (its properties decide which evidence it needs)
 * @param siteLatitude where the service should have happened (the station or room); null = unknown
 * @param indoor the worker says the activity was held indoors
 * @param outdoorReason why a gathering held outdoors needs no sign-in sheet; null = none given
 * @param distributesGoods the worker says goods were handed out
 * @param noGoodsReason why a goods kind (物质帮扶) handed out no goods; null = none given
 * @param served the people named as served (each needs a receipt when goods are handed out)
 * @param servedCount how many people were served (named or not)
 * @param receipts typed receipt entries (receipt photos are among {@code photos})
 * @param publicityChannel where a 宣传展示 was published; null for other kinds
 * @param publicityLink the link of an online publication
 */
public record EvidenceFacts(
        ServiceKind kind,
        LocalDate serviceDate,
        Double siteLatitude,
        Double siteLongitude,
        boolean indoor,
        String outdoorReason,
        boolean distributesGoods,
        String noGoodsReason,
        List<PhotoView> photos,
        List<Attendee> attendees,
        List<Person> served,
        int servedCount,
        List<Person> receipts,
        PublicityChannel publicityChannel,
        String publicityLink) {

    public EvidenceFacts {
        photos = List.copyOf(photos);
        attendees = List.copyOf(attendees);
        served = List.copyOf(served);
        receipts = List.copyOf(receipts);
    }

    /** A gathering needs a sign-in sheet unless the worker held it outdoors and said why. */
    public boolean needsSignIn() {
        return kind.gathering() && (indoor || blank(outdoorReason));
    }

    /** Goods handed out need receipts: ticked by the worker, or by the kind unless the worker said why not. */
    public boolean needsReceipts() {
        return distributesGoods || (kind.handsOutGoods() && blank(noGoodsReason));
    }

    /** The reasons a worker gave for relaxing a rule, for the record page and the drill-down. */
    public List<String> relaxations() {
        return relaxations(kind, indoor, outdoorReason, distributesGoods, noGoodsReason);
    }

    public static List<String> relaxations(
            ServiceKind kind, boolean indoor, String outdoorReason, boolean distributesGoods, String noGoodsReason) {
        List<String> out = new java.util.ArrayList<>();
        if (kind.gathering() && !indoor && !blank(outdoorReason)) {
            out.add("户外活动，未要求签到表。原因：" + outdoorReason.strip());
        }
        if (kind.handsOutGoods() && !distributesGoods && !blank(noGoodsReason)) {
            out.add(kind.label() + "未发放物品，未要求领取单据。原因：" + noGoodsReason.strip());
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A sign-in entry: the phone is checked with {@link cn.sgz.shared.PhoneNumbers}. */
    public record Attendee(long entryId, String name, String phone) {}

    /** A person served or a receipt's recipient: the ledger id when picked, and the name. */
    public record Person(Long recipientId, String name) {}
}
