package cn.sgz.offline.internal;

/** What an offline entry is. */
enum EntryKind {
    /** 跟踪回访 of a person on the ledger. */
    FOLLOW_UP("回访"),
    /** 入户需求评估 of a person on the ledger. */
    HOME_ASSESSMENT("入户评估"),
    /** 服务记录 with sign-ins (and photos sent after it). */
    SERVICE_RECORD("服务记录");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
