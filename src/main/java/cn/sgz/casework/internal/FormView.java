package cn.sgz.casework.internal;

import java.time.OffsetDateTime;
import java.util.Map;

/** A saved form: its fields in the order of the form, who saved it last and when. */
public record FormView(
        long id,
        FormType type,
        int seq,
        Map<String, String> values,
        String updatedBy,
        OffsetDateTime updatedAt,
        long version) {

    public String value(String key) {
        return values.getOrDefault(key, "");
    }

    /** 单元计划书（第3节） for numbered forms, else the form's own name. */
    public String title() {
        return seq > 0 ? type.documentName() + "（第" + seq + "节）" : type.documentName();
    }
}
