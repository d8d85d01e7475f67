package cn.sgz.recipient.internal;

import cn.sgz.activity.PersonHistorySource.PersonEvent;
import cn.sgz.recipient.PersonPick;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The people picker's search and a person's history; scope and masking in the services. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "服务对象台账")
class PeopleApiController {

    private final PeopleSearch search;
    private final PersonHistory history;

    PeopleApiController(PeopleSearch search, PersonHistory history) {
        this.search = search;
        this.history = history;
    }

    @GetMapping("/people")
    @Operation(
            summary = "选人：按姓名、身份证后四位、电话尾号或村（社区）查找台账人员",
            description = "边输入边查找（姓名或地址的一部分、身份证后四位、电话后4位及以上、村/社区名称）；不输入时列出"
                    + "已选人员的同户成员和本人最近服务过的人。同户成员、最近服务的人排在前面。只返回本人权限范围内的在册人员，"
                    + "身份证号和电话均脱敏。")
    List<PersonPick> people(
            @Parameter(description = "输入的文字") @RequestParam(required = false) String q,
            @Parameter(description = "只查某社工站") @RequestParam(required = false) Long stationId,
            @Parameter(description = "已选人员的编号（其同户成员优先）") @RequestParam(required = false) List<Long> near,
            @Parameter(description = "最多返回几人（1–30，默认12）") @RequestParam(required = false) Integer limit) {
        return search.search(stationId, q, near, limit);
    }

    @GetMapping("/recipients/{id}/history")
    @Operation(summary = "服务对象的服务历程", description = "按时间倒序：入户需求评估、回访、服务记录（计入与否、照片缩略图）、个案、慈善救助、台账状态变化；" + "只含本人权限范围内的内容")
    List<PersonEvent> history(@PathVariable long id) {
        return history.of(id);
    }
}
