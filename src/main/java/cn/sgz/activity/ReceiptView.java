package cn.sgz.activity;

import java.time.OffsetDateTime;

/** One line of a receipt (领取单据): who received which goods, how many. */
public record ReceiptView(
        long id,
        long recordId,
        String name,
        String item,
        String quantity,
        String phone,
        Long recipientId,
        OffsetDateTime createdAt) {}
