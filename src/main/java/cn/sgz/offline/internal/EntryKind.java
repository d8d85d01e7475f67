package cn.sgz.offline.internal;

/** What an offline entry is. */
enum EntryKind {
    /** 跟踪回访 of a person on the ledger. */
    FOLLOW_UP("回访"),
    /** 入户需求评估 of a person on the ledger. */
    HOME_ASSESSMENT("入户评估"),
    /** 服务记录 with sign-ins (and photos sent after it). */
    SERVICE_RECORD("服务记录"),
    /** 个案过程记录表: one session of an open case (photos sent after it, like a service record's). */
    CASE_SESSION("个案过程记录");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
