package cn.sgz.org.internal;

import cn.sgz.org.AgencyView;
import cn.sgz.org.CertificateLevel;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Role;
import cn.sgz.org.StaffView;
import cn.sgz.org.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the org module: org units, agencies, staff and accounts, all scoped by the service layer. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "组织与账号", description = "组织架构、承接机构、驻站人员、账号")
class OrgApiController {

    private final OrgUnitService units;
    private final AgencyService agencies;
    private final StaffService staff;
    private final UserAdminService users;

    OrgApiController(OrgUnitService units, AgencyService agencies, StaffService staff, UserAdminService users) {
        this.units = units;
        this.agencies = agencies;
        this.staff = staff;
        this.users = users;
    }

    record CreateUnit(
            Long parentId,
            @NotNull(message = "请选择单位类型") OrgUnitType type,

            @NotBlank(message = "名称不能为空") @Size(max = 100, message = "名称不能超过100个字")
            String name,

            String code) {}

    record RenameUnit(
            @NotBlank(message = "名称不能为空") @Size(max = 100, message = "名称不能超过100个字")
            String name,

            String code,
            Long version) {}

    record MoveUnit(@NotNull(message = "请选择新的上级单位") Long parentId) {}

    record UnitActive(boolean active) {}

    record UnitLocation(Double latitude, Double longitude, String address) {}

    @GetMapping("/org-units")
    @Operation(summary = "可见的组织单位（树序）")
    List<OrgUnitView> listUnits() {
        return units.visibleTree();
    }

    @GetMapping("/org-units/{id}")
    OrgUnitView getUnit(@PathVariable long id) {
        return units.get(id);
    }

    @PostMapping("/org-units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建下级单位")
    OrgUnitView createUnit(@Valid @RequestBody CreateUnit body) {
        return units.create(body.parentId(), body.type(), body.name(), body.code());
    }

    @PutMapping("/org-units/{id}/name")
    OrgUnitView renameUnit(@PathVariable long id, @Valid @RequestBody RenameUnit body) {
        return units.rename(id, body.name(), body.code(), body.version());
    }

    @PutMapping("/org-units/{id}/parent")
    @Operation(summary = "移动单位（连同其下级）")
    OrgUnitView moveUnit(@PathVariable long id, @Valid @RequestBody MoveUnit body) {
        return units.move(id, body.parentId());
    }

    @PutMapping("/org-units/{id}/active")
    OrgUnitView setUnitActive(@PathVariable long id, @RequestBody UnitActive body) {
        return units.setActive(id, body.active());
    }

    @PutMapping("/org-units/{id}/location")
    @Operation(summary = "设置社工站位置（用于照片地点核验）")
    OrgUnitView locateUnit(@PathVariable long id, @RequestBody UnitLocation body) {
        return units.locate(id, body.latitude(), body.longitude(), body.address());
    }

    record CreateAgency(
            @NotBlank(message = "机构名称不能为空") String name, String creditCode, String contactName, String phone) {}

    @GetMapping("/agencies")
    List<AgencyView> listAgencies() {
        return agencies.list();
    }

    @PostMapping("/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    AgencyView createAgency(@Valid @RequestBody CreateAgency body) {
        return agencies.create(body.name(), body.creditCode(), body.contactName(), body.phone());
    }

    @PutMapping("/agencies/{id}/stations/{stationId}")
    AgencyView linkStation(@PathVariable long id, @PathVariable long stationId) {
        return agencies.linkStation(id, stationId);
    }

    @DeleteMapping("/agencies/{id}/stations/{stationId}")
    AgencyView unlinkStation(@PathVariable long id, @PathVariable long stationId) {
        return agencies.unlinkStation(id, stationId);
    }

    record StaffBody(
            Long stationId,
            String name,
            String gender,
            String phone,
            String position,
            CertificateLevel certLevel,
            String certNumber,
            LocalDate certDate,
            Long version) {
        StaffService.StaffForm form() {
            return new StaffService.StaffForm(
                    stationId, name, gender, phone, position, certLevel, certNumber, certDate);
        }
    }

    @GetMapping("/staff")
    List<StaffView> listStaff(@RequestParam(required = false) Long stationId) {
        return staff.list(stationId);
    }

    @GetMapping("/staff/{id}")
    StaffView getStaff(@PathVariable long id) {
        return staff.get(id);
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffView createStaff(@RequestBody StaffBody body) {
        return staff.create(body.form());
    }

    @PutMapping("/staff/{id}")
    StaffView updateStaff(@PathVariable long id, @RequestBody StaffBody body) {
        return staff.update(id, body.form(), body.version());
    }

    @PatchMapping("/staff/{id}/deactivate")
    StaffView deactivateStaff(@PathVariable long id) {
        return staff.deactivate(id);
    }

    @GetMapping("/staff/export")
    @Operation(summary = "导出驻站人员台账（xlsx）")
    ResponseEntity<byte[]> exportStaff(@RequestParam(required = false) Long stationId) {
        return xlsx(staff.exportXlsx(stationId), "驻站人员.xlsx");
    }

    record UserBody(
            String username,
            String password,
            String displayName,
            Role role,
            Long orgUnitId,
            Long agencyId,
            String phone,
            Long version) {
        UserAdminService.UserForm form() {
            return new UserAdminService.UserForm(username, password, displayName, role, orgUnitId, agencyId, phone);
        }
    }

    record PasswordBody(String password) {}

    record EnabledBody(boolean enabled) {}

    @GetMapping("/users")
    List<UserView> listUsers() {
        return users.list();
    }

    @GetMapping("/users/{id}")
    UserView getUser(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView createUser(@RequestBody UserBody body) {
        return users.create(body.form());
    }

    @PutMapping("/users/{id}")
    UserView updateUser(@PathVariable long id, @RequestBody UserBody body) {
        return users.update(id, body.form(), body.version());
    }

    @PutMapping("/users/{id}/enabled")
    @Operation(summary = "启用/停用账号（停用立即结束其所有会话）")
    UserView setEnabled(@PathVariable long id, @RequestBody EnabledBody body) {
        return users.setEnabled(id, body.enabled());
    }

    @PutMapping("/users/{id}/password")
    UserView resetPassword(@PathVariable long id, @RequestBody PasswordBody body) {
        return users.resetPassword(id, body.password());
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }
}
