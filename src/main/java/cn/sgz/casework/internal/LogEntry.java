package cn.sgz.casework.internal;

import java.time.OffsetDateTime;

/** One step in the history of a case or group (closure submitted, approved, returned, reopened …). */
public record LogEntry(OffsetDateTime at, String actor, String action, String note) {

    public String actionLabel() {
        return switch (action) {
            case "OPEN" -> "开案";
            case "FORM" -> "填写表单";
            case "SESSION" -> "记录服务";
            case "CLOSURE_SUBMIT" -> "提交结案";
            case "CLOSURE_APPROVE" -> "站长批准结案";
            case "CLOSURE_RETURN" -> "站长退回结案";
            case "REOPEN" -> "重新开案";
            case "REFERRAL" -> "转介";
            case "REFERRAL_FOLLOW_UP" -> "转介跟进";
            default -> action;
        };
    }
}
