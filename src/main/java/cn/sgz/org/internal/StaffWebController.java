package cn.sgz.org.internal;

import cn.sgz.org.CertificateLevel;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 驻站人员 pages: the staff ledger with certificates, registration, export, and agencies. */
@Controller
class StaffWebController {

    private final StaffService staff;
    private final AgencyService agencies;
    private final OrgDirectory directory;
    private final ScopeService scopes;

    StaffWebController(StaffService staff, AgencyService agencies, OrgDirectory directory, ScopeService scopes) {
        this.staff = staff;
        this.agencies = agencies;
        this.directory = directory;
        this.scopes = scopes;
    }

    @GetMapping("/staff")
    String list(@RequestParam(required = false) Long stationId, Model model) {
        var rows = staff.list(stationId);
        model.addAttribute("staff", rows);
        model.addAttribute("stations", directory.visibleUnits(OrgUnitType.STATION));
        model.addAttribute("stationId", stationId);
        model.addAttribute("levels", CertificateLevel.values());
        model.addAttribute(
                "certified",
                rows.stream()
                        .filter(s -> s.active() && s.certLevel().certified())
                        .count());
        model.addAttribute("activeCount", rows.stream().filter(s -> s.active()).count());
        model.addAttribute("canManage", scopes.currentUser().role().managesStaff());
        return "org/staff";
    }

    @GetMapping("/staff/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long stationId) {
        return OrgApiController.xlsx(staff.exportXlsx(stationId), "驻站人员.xlsx");
    }

    @PostMapping("/staff")
    String create(
            @RequestParam(required = false) Long stationId,
            @RequestParam String name,
            @RequestParam(required = false) String gender,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String position,
            @RequestParam(required = false) CertificateLevel certLevel,
            @RequestParam(required = false) String certNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate certDate,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    var created = staff.create(new StaffService.StaffForm(
                            stationId, name, gender, phone, position, certLevel, certNumber, certDate));
                    flash.addFlashAttribute("notice", "已登记 " + created.name());
                    return "redirect:/staff";
                },
                () -> list(null, model));
    }

    @PostMapping("/staff/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes flash) {
        var s = staff.deactivate(id);
        flash.addFlashAttribute("notice", s.name() + " 已标记为离岗");
        return "redirect:/staff";
    }

    @GetMapping("/agencies")
    String agencies(Model model) {
        model.addAttribute("agencies", agencies.list());
        model.addAttribute("stations", directory.visibleUnits(OrgUnitType.STATION));
        model.addAttribute("canManage", scopes.currentUser().role().managesOrgTree());
        return "org/agencies";
    }

    @PostMapping("/agencies")
    String createAgency(
            @RequestParam String name,
            @RequestParam(required = false) String creditCode,
            @RequestParam(required = false) String contactName,
            @RequestParam(required = false) String phone,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        return FormSubmission.run(
                model,
                response,
                () -> {
                    agencies.create(name, creditCode, contactName, phone);
                    flash.addFlashAttribute("notice", "已登记机构 " + name);
                    return "redirect:/agencies";
                },
                () -> agencies(model));
    }

    @PostMapping("/agencies/{id}/stations")
    String link(@PathVariable long id, @RequestParam long stationId, RedirectAttributes flash) {
        agencies.linkStation(id, stationId);
        flash.addFlashAttribute("notice", "已关联社工站");
        return "redirect:/agencies";
    }

    @PostMapping("/agencies/{id}/stations/{stationId}/unlink")
    String unlink(@PathVariable long id, @PathVariable long stationId, RedirectAttributes flash) {
        agencies.unlinkStation(id, stationId);
        flash.addFlashAttribute("notice", "已解除与社工站的关联");
        return "redirect:/agencies";
    }
}
