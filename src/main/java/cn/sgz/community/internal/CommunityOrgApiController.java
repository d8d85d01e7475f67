package cn.sgz.community.internal;

import cn.sgz.community.internal.CommunityOrgService.MemberForm;
import cn.sgz.community.internal.CommunityOrgService.MemberView;
import cn.sgz.community.internal.CommunityOrgService.OrgDetail;
import cn.sgz.community.internal.CommunityOrgService.OrgForm;
import cn.sgz.community.internal.CommunityOrgService.OrgView;
import cn.sgz.community.internal.CommunityOrgService.TimelineEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.vocabulary.ServiceKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of community social organisations, their members, activities and cultivation history. */
@RestController
@RequestMapping("/api/v1/community-orgs")
@Tag(name = "社区社会组织", description = "社区社会组织、成员与骨干、组织活动、培育历程")
class CommunityOrgApiController {

    private final CommunityOrgService orgs;

    CommunityOrgApiController(CommunityOrgService orgs) {
        this.orgs = orgs;
    }

    @GetMapping
    @Operation(summary = "社区社会组织列表（可按社工站筛选；含骨干人数、活动次数及计入次数）")
    List<OrgView> list(@RequestParam(required = false) Long stationId) {
        return orgs.list(stationId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记社区社会组织（类型：社区服务类、公益慈善类、志愿服务类、居民互助类、文体活动类）")
    OrgView create(@RequestBody OrgForm body) {
        return orgs.create(body);
    }

    @GetMapping("/{id}")
    @Operation(summary = "组织详情：成员（电话脱敏）、制度文件、活动、骨干培训")
    OrgDetail get(@PathVariable long id) {
        return orgs.detail(id);
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CommunityOrgUpdateBody")
    record UpdateBody(OrgForm org, Long version) {}

    @PutMapping("/{id}")
    @Operation(summary = "修改组织信息（须带读取时的 version，过期返回 409）")
    OrgView update(@PathVariable long id, @RequestBody UpdateBody body) {
        if (body.org() == null) {
            throw BusinessException.field("org", "组织信息：缺少组织信息");
        }
        return orgs.update(id, body.org(), body.version());
    }

    @GetMapping("/{id}/members")
    List<MemberView> members(@PathVariable long id) {
        return orgs.members(id);
    }

    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "添加成员或骨干（骨干须填写电话）")
    MemberView addMember(@PathVariable long id, @RequestBody MemberForm body) {
        return orgs.addMember(id, body);
    }

    @PutMapping("/{id}/members/{memberId}")
    @Operation(summary = "修改成员（电话留空则保持原号码；填写退出日期即为退出）")
    MemberView updateMember(@PathVariable long id, @PathVariable long memberId, @RequestBody MemberForm body) {
        return orgs.updateMember(id, memberId, body);
    }

    @GetMapping("/{id}/activities")
    @Operation(summary = "组织活动与培育指导（服务记录，含是否计入）")
    List<RecordRef> activities(@PathVariable long id) {
        return orgs.activities(id);
    }

    /** Either recordId (link an existing record) or kind + record (create one). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CommunityOrgActivityBody")
    record ActivityBody(Long recordId, ServiceKind kind, RecordInput record) {}

    @PostMapping("/{id}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "关联已有的组织活动/培育指导记录（recordId），或新建一条（kind + record）")
    RecordRef addActivity(@PathVariable long id, @RequestBody ActivityBody body) {
        return body.recordId() != null
                ? orgs.linkRecord(id, body.recordId())
                : orgs.addActivity(id, body.kind(), body.record());
    }

    @DeleteMapping("/{id}/activities/{recordId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "取消关联（服务记录本身保留）")
    void unlink(@PathVariable long id, @PathVariable long recordId) {
        orgs.unlinkRecord(id, recordId);
    }

    @GetMapping("/timeline")
    @Operation(summary = "社工站培育历程：成立、备案/登记、骨干培训、组织活动")
    List<TimelineEvent> timeline(@RequestParam long stationId) {
        return orgs.timeline(stationId);
    }
}
