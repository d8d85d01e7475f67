package cn.sgz.offline.internal;

import cn.sgz.casework.CaseFieldWork;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.recipient.DueEntry;
import cn.sgz.recipient.FieldWork;
import cn.sgz.recipient.PersonChangedException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.ServiceField;
import cn.sgz.shared.vocabulary.ServiceKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of offline work: the phone's working set and the idempotent sync of entries made without a signal. */
@RestController
@RequestMapping("/api/v1/offline")
@Tag(name = "离线记录", description = "手机离线工作集（待回访名单、本站服务对象，已脱敏）与离线记录的幂等同步")
class OfflineApiController {

    /** Kinds recorded elsewhere (回访、入户评估 from the ledger, sessions from cases and groups) or needing a link. */
    private static final Set<ServiceKind> NOT_ON_FIELD_FORM = EnumSet.of(
            ServiceKind.FOLLOW_UP_VISIT,
            ServiceKind.FOLLOW_UP_PHONE,
            ServiceKind.HOME_ASSESSMENT,
            ServiceKind.CASE_SESSION,
            ServiceKind.GROUP_SESSION,
            ServiceKind.PUBLICITY,
            ServiceKind.CHARITY_RELIEF);

    private final OfflineSync sync;
    private final FieldWork fieldWork;
    private final CaseFieldWork caseWork;
    private final OrgDirectory directory;

    OfflineApiController(OfflineSync sync, FieldWork fieldWork, CaseFieldWork caseWork, OrgDirectory directory) {
        this.sync = sync;
        this.fieldWork = fieldWork;
        this.caseWork = caseWork;
        this.directory = directory;
    }

    record Unit(long id, String name, String type) {}

    record Kind(String code, String label, boolean gathering, boolean handsOutGoods, String defaultDomain) {}

    record Domain(String code, String label) {}

    record Csrf(String headerName, String token) {}

    /** What the phone keeps for a day without a signal. */
    record WorkingSet(
            OffsetDateTime generatedAt,
            String username,
            String displayName,
            String roleLabel,
            List<Unit> units,
            List<Kind> kinds,
            List<Domain> domains,
            List<Domain> needs,
            List<DueEntry> due,
            List<FieldWork.Person> people,
            List<CaseFieldWork.OpenCase> cases,
            List<CaseFieldWork.SessionField> caseSessionFields,
            Csrf csrf) {}

    @GetMapping("/working-set")
    @Operation(
            summary = "手机离线工作集：本站社工站与社工室、服务类型、待回访名单、本站服务对象和本人在办个案（与在线页面同样脱敏）",
            description = "只提供给驻站社工和社工站站长（其他角色 403）；session 调用时附带当前 CSRF 令牌，供离线页面同步时使用")
    WorkingSet workingSet(HttpServletRequest request) {
        CurrentUser me = sync.requireFieldRole();
        List<Unit> units = new ArrayList<>();
        for (OrgUnitType t : List.of(OrgUnitType.STATION, OrgUnitType.ROOM)) {
            for (OrgUnitView u : directory.visibleUnits(t)) {
                units.add(new Unit(u.id(), u.name(), t.name()));
            }
        }
        List<Kind> kinds = Arrays.stream(ServiceKind.values())
                .filter(k -> !NOT_ON_FIELD_FORM.contains(k))
                .map(k -> new Kind(
                        k.name(),
                        k.label(),
                        k.gathering(),
                        k.handsOutGoods(),
                        k.defaultField().name()))
                .toList();
        List<Domain> domains = Arrays.stream(ServiceField.values())
                .map(d -> new Domain(d.name(), d.label()))
                .toList();
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new WorkingSet(
                ChinaTime.offsetNow(),
                me.username(),
                me.displayName(),
                me.role().label(),
                units,
                kinds,
                domains,
                Arrays.stream(cn.sgz.recipient.NeedCode.values())
                        .map(n -> new Domain(n.name(), n.label()))
                        .toList(),
                fieldWork.due(),
                fieldWork.people(),
                caseWork.openCases(),
                caseWork.sessionFields(),
                token == null ? null : new Csrf(token.getHeaderName(), token.getToken()));
    }

    @PostMapping("/entries")
    @Operation(
            summary = "同步一条离线记录（回访、入户评估、服务记录及签到、个案过程记录），按 clientId 幂等",
            description = "同一 clientId 再次提交不会重复保存，返回第一次的结果（replayed=true）。被拒绝时不保存任何内容，返回 400/403 及中文原因；"
                    + "服务对象的台账在离线期间被他人修改、而本条记录要改其风险等级时返回 409，同时给出服务器上的版本和手机上的版本。"
                    + "个案过程记录（kind=CASE_SESSION，caseSession 为个案编号、服务日期、时间地点和过程记录表字段）与在线表单同样校验，"
                    + "个案在离线期间已提交结案或不在本人范围时被拒绝并说明原因。"
                    + "照片在记录同步后按张分段续传：PATCH /api/v1/uploads/{照片编号} 逐段上传（断线后从已收到的字节继续），"
                    + "再 POST /api/v1/service-records/{id}/photos/{照片编号}/complete（同一编号完成两次只保存一张）。")
    ResponseEntity<OfflineSync.EntryResult> submit(@RequestBody OfflineSync.EntryInput body) {
        OfflineSync.EntryResult result;
        try {
            result = sync.submit(body);
        } catch (DataIntegrityViolationException raced) {
            // the same entry arrived twice at once: the other send stored it; answer with its result
            result = sync.replay(body.clientId().strip());
        }
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(result);
    }

    @GetMapping("/entries/{clientId}")
    @Operation(summary = "一条已同步离线记录的结果：保存的记录、手机记录时间与服务器接收时间、当前是否计入及原因")
    OfflineSync.EntryResult get(@PathVariable String clientId) {
        return sync.get(clientId);
    }

    @GetMapping("/entries")
    @Operation(summary = "本人已同步的离线记录（最新在前，最多500条）")
    List<OfflineSync.EntryResult> mine(@RequestParam(defaultValue = "100") int limit) {
        return sync.mine(limit);
    }

    /** 409 with both versions, so the phone shows them and the worker chooses. */
    @ExceptionHandler(PersonChangedException.class)
    ResponseEntity<Map<String, Object>> changed(PersonChangedException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "CONFLICT");
        body.put("message", e.getMessage());
        body.put("details", List.of());
        body.put("server", version(e.recipientId(), e.name(), e.serverRisk(), e.serverVersion()));
        body.put("mine", version(e.recipientId(), e.name(), e.mineRisk(), e.baseVersion()));
        body.put("base", version(e.recipientId(), e.name(), e.baseRisk(), e.baseVersion()));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    private static Map<String, Object> version(long id, String name, cn.sgz.recipient.RiskLevel risk, Long v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recipientId", id);
        m.put("name", name);
        m.put("riskLevel", risk == null ? null : risk.name());
        m.put("riskLabel", risk == null ? "未评定" : risk.label());
        m.put("version", v);
        return m;
    }
}
