package cn.sgz.portal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A station worker's to-do list, in priority order: follow-ups due and overdue; people owed a home assessment;
 * records that do not count yet (each with its reason and the place to fix it); case and group sessions due;
 * reports due and 整改 items. Each line links to the place to act.
 */
@Schema(name = "TodoList", description = "待办清单（按优先顺序分组）")
public record TodoList(
        @Schema(description = "各组待办，按优先顺序") List<Group> groups,
        @Schema(description = "待办总数") long total) {

    /** One kind of work, with its first lines and how many there are in all. */
    @Schema(name = "TodoGroup")
    public record Group(
            @Schema(description = "FOLLOW_UPS、ASSESSMENTS、RECORDS、SESSIONS、REPORTS、RECTIFICATIONS")
            String key,

            @Schema(description = "组名，如 回访") String label,
            @Schema(description = "本组总数（可能多于列出的行）") long total,
            List<Item> items,
            @Schema(description = "查看全部的页面") String moreHref) {}

    /** One line: what, why, and where to act. */
    @Schema(name = "TodoItem")
    public record Item(
            @Schema(description = "标签，如 已逾期、不计入") String tag,
            @Schema(description = "bad（逾期、不计入）或 warn（待办）") String tone,
            String title,
            @Schema(description = "原因或期限") String detail,
            @Schema(description = "去处理的页面") String href,
            @Schema(description = "按钮文字，如 记录回访、补照片") String action) {}

    public boolean isEmpty() {
        return total == 0;
    }
}
