package cn.sgz.activity;

import java.time.OffsetDateTime;

/**
 * One line of a sign-in sheet (签到表): name, phone and optionally the ledger person. {@code source} is
 * {@code MANUAL} (entered by the worker) or {@code QR} (the resident signed in by scanning, 扫码签到);
 * {@code proxy} marks a line signed for a family member without a phone (the phone is then the signer's).
 */
public record SignInEntryView(
        long id,
        long recordId,
        String name,
        String phone,
        Long recipientId,
        OffsetDateTime createdAt,
        String source,
        boolean proxy) {

    public static final String MANUAL = "MANUAL";
    public static final String QR = "QR";

    public boolean phoneValid() {
        return cn.sgz.shared.PhoneNumbers.isValid(phone);
    }

    public boolean scanned() {
        return QR.equals(source);
    }
}
