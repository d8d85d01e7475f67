package cn.sgz.evidence;

import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the rules need to know about one record, gathered by the record's owner module.
 *
 * @param kind the kind of service (its properties decide which evidence it needs)
 * @param siteLatitude where the service should have happened (the station or room); null = unknown
 * @param organisedIndoorActivity an activity organised indoors, which needs a sign-in sheet
 * @param distributesGoods goods were handed out, which needs receipts
 * @param receiptCount typed receipt entries (receipt photos are among {@code photos})
 */
public record EvidenceFacts(
        ServiceKind kind,
        LocalDate serviceDate,
        Double siteLatitude,
        Double siteLongitude,
        boolean organisedIndoorActivity,
        boolean distributesGoods,
        List<PhotoView> photos,
        List<Attendee> attendees,
        int receiptCount) {

    public EvidenceFacts {
        photos = List.copyOf(photos);
        attendees = List.copyOf(attendees);
    }

    /** A sign-in entry: the phone is checked with {@link cn.sgz.shared.PhoneNumbers}. */
    public record Attendee(long entryId, String name, String phone) {}
}
