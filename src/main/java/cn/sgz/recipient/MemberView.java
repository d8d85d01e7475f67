package cn.sgz.recipient;

/** A household member or guardian of a recipient; linked to another recipient when registered too. */
public record MemberView(
        long id,
        long recipientId,
        String name,
        String relation,
        String phone,
        boolean guardian,
        Long linkedRecipientId,
        String note) {}
