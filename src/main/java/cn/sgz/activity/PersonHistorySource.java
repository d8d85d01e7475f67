package cn.sgz.activity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * What a module knows about one ledger person, for the person's page (服务历程): cases opened for them, relief
 * they received … Modules above {@code activity} implement it (the recipient module owns the page and cannot
 * depend on them); each implementation answers inside the current user's scope only and masks as its own pages do.
 */
public interface PersonHistorySource {

    /** The person's events known to this module, in any order. */
    List<PersonEvent> eventsOf(long recipientId);

    /** One dated line of a person's history. */
    @Schema(name = "PersonEvent", description = "服务对象服务历程中的一条")
    record PersonEvent(
            @Schema(description = "日期") LocalDate date,

            @Schema(description = "类别，如 入户需求评估、回访、服务记录、个案服务、慈善救助")
            String kind,

            @Schema(description = "标题") String title,
            @Schema(description = "说明（已脱敏）") String detail,
            @Schema(description = "状态，如 计入、不计入、开展中") String status,

            @Schema(description = "状态是否良好（计入、已结案等）；null 表示不适用")
            Boolean ok,

            @Schema(description = "打开此项的页面地址") String href,
            @Schema(description = "现场照片缩略图地址") List<String> thumbnails,
            @Schema(description = "对应的服务记录编号（如有）") Long recordId) {}
}
