package cn.sgz.activity.internal;

import cn.sgz.activity.RecordFilter;
import cn.sgz.activity.RecordTotals;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.QualificationStatus;
import cn.sgz.evidence.UploadResult;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.vocabulary.ServiceField;
import cn.sgz.shared.vocabulary.ServiceKind;
import cn.sgz.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 服务记录 pages: list, form, detail with evidence and qualification, and the watermark camera. */
@Controller
class RecordWebController {

    static final int PAGE_SIZE = 30;

    private final ServiceRecordService records;
    private final OrgDirectory directory;
    private final ScopeService scopes;
    private final EvidenceService evidence;
    private final cn.sgz.catalog.ProjectQueries projects;
    private final RecordExport export;

    RecordWebController(
            ServiceRecordService records,
            OrgDirectory directory,
            ScopeService scopes,
            EvidenceService evidence,
            cn.sgz.catalog.ProjectQueries projects,
            RecordExport export) {
        this.export = export;
        this.records = records;
        this.directory = directory;
        this.scopes = scopes;
        this.evidence = evidence;
        this.projects = projects;
    }

    @GetMapping("/records")
    String list(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) ServiceKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) QualificationStatus qualification,
            @RequestParam(required = false) Boolean includeVoided,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        if (Boolean.TRUE.equals(mine) && from == null && to == null) {
            LocalDate today = ChinaTime.today();
            from = today.withDayOfMonth(1);
            to = today;
        }
        // one page on the server: a phone never receives a county's records at once
        RecordFilter all =
                new RecordFilter(stationId, kind, from, to, mine, null, qualification, includeVoided, null, null);
        RecordTotals totals = records.totals(all);
        int pages = (int) Math.max(1, (totals.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        List<ServiceRecordView> rows = records.list(new RecordFilter(
                stationId, kind, from, to, mine, null, qualification, includeVoided, PAGE_SIZE, current * PAGE_SIZE));
        model.addAttribute("records", rows);
        model.addAttribute("totals", totals);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("includeVoided", includeVoided);
        model.addAttribute("stations", directory.visibleUnits(OrgUnitType.STATION));
        model.addAttribute("kinds", ServiceKind.values());
        model.addAttribute("stationId", stationId);
        model.addAttribute("kind", kind);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("mine", mine);
        model.addAttribute("qualification", qualification);
        model.addAttribute("canWrite", records.canWrite());
        return "activity/list";
    }

    /** The filtered list (all pages) as Excel. */
    @GetMapping("/records/export")
    org.springframework.http.ResponseEntity<byte[]> export(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) ServiceKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) QualificationStatus qualification,
            @RequestParam(required = false) Boolean includeVoided) {
        if (Boolean.TRUE.equals(mine) && from == null && to == null) {
            LocalDate today = ChinaTime.today();
            from = today.withDayOfMonth(1);
            to = today;
        }
        byte[] file = export.xlsx(
                new RecordFilter(stationId, kind, from, to, mine, null, qualification, includeVoided, null, null));
        return RecordApiController.xlsx(file, "服务记录.xlsx");
    }

    @GetMapping("/records/new")
    String newForm(@RequestParam(required = false) ServiceKind kind, Model model) {
        RecordFormData form = new RecordFormData();
        form.setServiceDate(ChinaTime.today());
        form.setKind(kind == null ? ServiceKind.FOLLOW_UP_VISIT : kind);
        form.setWorkers(scopes.currentUser().displayName());
        Long own = scopes.currentUser().orgUnitId();
        form.setOrgUnitId(own);
        return form(model, form, null);
    }

    private String form(Model model, RecordFormData form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("recordId", id);
        List<OrgUnitView> units = new ArrayList<>(directory.visibleUnits(OrgUnitType.STATION));
        units.addAll(directory.visibleUnits(OrgUnitType.ROOM));
        units.sort(java.util.Comparator.comparing(OrgUnitView::path));
        model.addAttribute("units", units);
        model.addAttribute(
                "kinds",
                java.util.Arrays.stream(ServiceKind.values())
                        .filter(k -> k.recordedOnItsOwn() || k == form.getKind())
                        .toList());
        model.addAttribute("domains", ServiceField.values());
        model.addAttribute("channels", cn.sgz.shared.vocabulary.PublicityChannel.values());
        model.addAttribute("projects", projects.visible());
        return "activity/form";
    }

    @PostMapping("/records")
    String create(
            @ModelAttribute("form") RecordFormData form,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            ServiceRecordView r = records.create(form.toForm());
            flash.addFlashAttribute(
                    "notice",
                    "已登记。请上传现场照片" + (r.indoor() && r.kind().gathering() ? "并录入签到表" : "") + "，系统会自动核验是否计入服务次数。");
            return "redirect:/records/" + r.id();
        } catch (BusinessException e) {
            FormErrors.addTo(model, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, form, null);
        }
    }

    @GetMapping("/records/{id}")
    String detail(
            @PathVariable long id,
            @RequestParam(required = false) Integer uploaded,
            @RequestParam(required = false) Integer duplicates,
            Model model) {
        var d = records.detail(id);
        if (uploaded != null && uploaded > 0 && !model.containsAttribute("notice")) {
            // photos sent by the page's script (several at once, shrunk first) come back here with their count
            int dup = duplicates == null ? 0 : duplicates;
            model.addAttribute(
                    "notice",
                    dup > 0
                            ? (uploaded == 1
                                    ? "照片已上传，但它与已有照片重复，不能作为本次服务的佐证"
                                    : "已上传 " + uploaded + " 张照片，其中 " + dup + " 张与已有照片重复，不能作为本次服务的佐证")
                            : uploaded == 1 ? "照片已上传" : "已上传 " + uploaded + " 张照片");
        }
        model.addAttribute("d", d);
        model.addAttribute("r", d.record());
        var project = d.record().projectId() == null
                ? null
                : projects.visible().stream()
                        .filter(p -> p.id() == d.record().projectId())
                        .findFirst()
                        .orElse(null);
        model.addAttribute("projectName", project == null ? null : project.name());
        // The group minimum is applied where sessions are counted (group page, indicators), not in the evidence
        // verdict; the record page states it too so that the two pages never disagree.
        Integer minimum = project == null ? null : project.evidencePolicy().minGroupAttendees();
        boolean shortGroup = d.record().kind() == ServiceKind.GROUP_SESSION
                && !d.record().voided()
                && minimum != null
                && d.signIns().size() < minimum;
        model.addAttribute("groupMinimum", shortGroup ? minimum : null);
        model.addAttribute("tie", records.projectChoice(id));
        model.addAttribute("canWrite", records.canWrite() && !d.record().voided());
        model.addAttribute("purposes", PhotoPurpose.values());
        model.addAttribute("today", ChinaTime.today());
        model.addAttribute("maxMb", evidence.maxPhotoBytes() / 1048576);
        // flagged photos: the earlier photo's thumbnail, date and station (its record only when in scope), the contest
        model.addAttribute("earlier", evidence.earlierPhotos(d.photos()));
        return "activity/detail";
    }

    @GetMapping("/records/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return form(model, RecordFormData.of(records.get(id)), id);
    }

    @PostMapping("/records/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") RecordFormData form,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            records.update(id, form.toForm(), form.getVersion());
            flash.addFlashAttribute("notice", "已保存");
            return "redirect:/records/" + id;
        } catch (BusinessException e) {
            FormErrors.addTo(model, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, form, id);
        } catch (ConflictException e) {
            model.addAttribute("formError", e.getMessage());
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return form(model, form, id);
        }
    }

    @PostMapping("/records/{id}/project")
    String moveProject(
            @PathVariable long id,
            @RequestParam(required = false) Long projectId,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        try {
            records.moveProject(id, projectId, reason);
            flash.addFlashAttribute("notice", "已调整计入的项目（已写入审计日志）");
        } catch (BusinessException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/records/" + id;
    }

    @PostMapping("/records/{id}/platform-entry")
    String platformEntry(
            @PathVariable long id,
            @RequestParam(required = false) Boolean entered,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate enteredOn,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        try {
            boolean yes = entered == null || entered;
            records.markPlatformEntry(id, yes, enteredOn, reference, version);
            flash.addFlashAttribute("notice", yes ? "已标记为已录入全国平台" : "已改为未录入全国平台");
        } catch (BusinessException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/records/" + id;
    }

    @PostMapping("/records/{id}/void")
    String voidRecord(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        try {
            records.voidRecord(id, reason, version);
            flash.addFlashAttribute("notice", "记录已作废（记录与原因均保留，可在列表中勾选“含已作废”查看）");
        } catch (BusinessException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/records/" + id;
    }

    @PostMapping("/records/{id}/photos")
    String upload(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) PhotoPurpose purpose,
            @RequestParam(required = false) String uploadId,
            RedirectAttributes flash) {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("error", "请先选择照片");
            return "redirect:/records/" + id + "#photos";
        }
        try {
            UploadResult r = records.addPhoto(
                    id,
                    purpose,
                    PhotoSource.GALLERY,
                    uploadId,
                    file.getOriginalFilename(),
                    file.getSize(),
                    file.getInputStream(),
                    null);
            flash.addFlashAttribute(
                    "notice",
                    r.photo().duplicate() ? "照片已上传，但它与已有照片重复，不能作为本次服务的佐证" : r.created() ? "照片已上传" : "这张照片已上传过（未重复保存）");
        } catch (BusinessException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/records/" + id + "#photos";
    }

    @PostMapping("/records/{id}/photos/{photoId}/delete")
    String removePhoto(@PathVariable long id, @PathVariable long photoId, RedirectAttributes flash) {
        records.removePhoto(id, photoId);
        flash.addFlashAttribute("notice", "照片已从记录中删除");
        return "redirect:/records/" + id + "#photos";
    }

    @PostMapping("/records/{id}/sign-ins")
    String addSignIn(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) List<Long> recipientId,
            RedirectAttributes flash) {
        return added(
                flash,
                id,
                "sign-ins",
                "已添加签到人员 ",
                () -> records.addSignIns(id, recipientId, name, phone).stream()
                        .map(cn.sgz.activity.SignInEntryView::name)
                        .toList());
    }

    /**
     * Adds people to a record's list (sign-ins, receipts) and says whom, or the reason it could not; back to that list.
     */
    private static String added(
            RedirectAttributes flash,
            long id,
            String anchor,
            String notice,
            java.util.function.Supplier<List<String>> addNames) {
        try {
            flash.addFlashAttribute("notice", notice + String.join("、", addNames.get()));
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/records/" + id + "#" + anchor;
    }

    @PostMapping("/records/{id}/sign-ins/{entryId}/delete")
    String removeSignIn(@PathVariable long id, @PathVariable long entryId, RedirectAttributes flash) {
        records.removeSignIn(id, entryId);
        flash.addFlashAttribute("notice", "已删除签到人员");
        return "redirect:/records/" + id + "#sign-ins";
    }

    @PostMapping("/records/{id}/receipts")
    String addReceipt(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) List<Long> recipientId,
            RedirectAttributes flash) {
        return added(
                flash,
                id,
                "receipts",
                "已添加领取记录 ",
                () -> records.addReceipts(id, recipientId, name, item, quantity, phone).stream()
                        .map(cn.sgz.activity.ReceiptView::name)
                        .toList());
    }

    @PostMapping("/records/{id}/receipts/{entryId}/delete")
    String removeReceipt(@PathVariable long id, @PathVariable long entryId, RedirectAttributes flash) {
        records.removeReceipt(id, entryId);
        flash.addFlashAttribute("notice", "已删除领取记录");
        return "redirect:/records/" + id + "#receipts";
    }

    @GetMapping("/records/{id}/camera")
    String camera(@PathVariable long id, Model model) {
        model.addAttribute("r", records.get(id));
        model.addAttribute("fontOk", evidence.watermarkFontAvailable());
        return "activity/camera";
    }
}
