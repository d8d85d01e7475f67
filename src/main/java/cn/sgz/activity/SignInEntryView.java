package cn.sgz.activity;

import java.time.OffsetDateTime;

/** One line of a sign-in sheet (签到表): name, phone and optionally the ledger person. */
public record SignInEntryView(
        long id, long recordId, String name, String phone, Long recipientId, OffsetDateTime createdAt) {

    public boolean phoneValid() {
        return cn.sgz.shared.PhoneNumbers.isValid(phone);
    }
}
