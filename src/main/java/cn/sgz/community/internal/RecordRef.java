package cn.sgz.community.internal;

import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;

/** A linked service record in a line: whether it counts (its evidence qualifies) and why not. */
public record RecordRef(
        long recordId,
        ServiceKind kind,
        String title,
        LocalDate serviceDate,
        boolean counts,
        boolean voided,
        String reasons) {

    public String kindLabel() {
        return kind.label();
    }
}
