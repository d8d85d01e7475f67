package cn.sgz.charity.internal;

import java.math.BigDecimal;

/** One person of a relief event: the amount, goods, and the receipt line (领取单据) once signed for. */
public record ReliefLineView(long id, long recipientId, String name, BigDecimal amount, String goods, Long receiptId) {

    public boolean received() {
        return receiptId != null;
    }
}
