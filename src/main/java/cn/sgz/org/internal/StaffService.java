package cn.sgz.org.internal;

import cn.sgz.org.CertificateLevel;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.org.StaffView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.PhoneNumbers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Station staff and their certificates, read and written inside the caller's scope. */
@Service
public class StaffService {

    private final StaffRepository staff;
    private final OrgUnitRepository units;
    private final ScopeService scopes;
    private final ApplicationEventPublisher events;

    private final cn.sgz.org.OrgDirectory directory;

    StaffService(
            StaffRepository staff,
            OrgUnitRepository units,
            ScopeService scopes,
            cn.sgz.org.OrgDirectory directory,
            ApplicationEventPublisher events) {
        this.directory = directory;
        this.staff = staff;
        this.units = units;
        this.scopes = scopes;
        this.events = events;
    }

    /** Input for a staff member; the station is fixed at creation. */
    public record StaffForm(
            Long stationId,
            String name,
            String gender,
            String phone,
            String position,
            CertificateLevel certLevel,
            String certNumber,
            LocalDate certDate) {}

    @Transactional(readOnly = true)
    public List<StaffView> list(Long stationFilter) {
        Map<Long, OrgUnit> stations = visibleStations();
        List<Long> ids = stationFilter == null
                ? List.copyOf(stations.keySet())
                : stations.containsKey(stationFilter) ? List.of(stationFilter) : List.of();
        if (ids.isEmpty()) {
            return List.of();
        }
        boolean full = scopes.current().role().managesStaff();
        return staff.findByStationIdInOrderByStationIdAscNameAsc(ids).stream()
                .map(s -> shown(view(s, stations.get(s.getStationId())), full))
                .toList();
    }

    @Transactional(readOnly = true)
    public StaffView get(long id) {
        Staff s = visible(id);
        OrgUnit station = units.findById(s.getStationId()).orElseThrow();
        boolean full = scopes.current().role().managesStaff();
        if (full) {
            events.publishEvent(AuditEvent.success("VIEW_PERSONAL", "STAFF", id, station.getPath(), null));
        }
        return shown(view(s, station), full);
    }

    /**
     * Phone and certificate numbers are personal data: those who manage staff see them; workers,
     * evaluators and city officers see them masked (the certificate level and date stay, for 持证率).
     */
    public static StaffView shown(StaffView v, boolean full) {
        if (full) {
            return v;
        }
        return new StaffView(
                v.id(),
                v.stationId(),
                v.stationName(),
                v.agencyId(),
                v.name(),
                v.gender(),
                mask(v.phone(), 3, 4),
                v.position(),
                v.certLevel(),
                mask(v.certNumber(), 0, 4),
                v.certDate(),
                v.active(),
                v.version());
    }

    private static String mask(String value, int head, int tail) {
        if (value == null || value.length() <= head + tail) {
            return value == null ? null : "*".repeat(value.length());
        }
        return value.substring(0, head)
                + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }

    @Transactional
    public StaffView create(StaffForm form) {
        requireManager();
        if (form.stationId() == null) {
            throw BusinessException.field("stationId", "请选择社工站");
        }
        OrgUnit station = visibleStations().get(form.stationId());
        if (station == null) {
            throw BusinessException.field("stationId", "所选社工站不存在或不在您的管辖范围内");
        }
        Long agencyId = scopes.currentUser().agencyId();
        Staff s = new Staff(station.getId(), agencyId);
        apply(s, form);
        staff.save(s);
        events.publishEvent(AuditEvent.success("STAFF_CREATE", "STAFF", s.getId(), station.getPath(), s.getName()));
        return view(s, station);
    }

    @Transactional
    public StaffView update(long id, StaffForm form, Long expectedVersion) {
        requireManager();
        Staff s = visible(id);
        if (expectedVersion != null && expectedVersion != s.getVersion()) {
            throw new ConflictException("该人员信息已被他人修改，请刷新后重试");
        }
        apply(s, form);
        staff.flush();
        OrgUnit station = units.findById(s.getStationId()).orElseThrow();
        events.publishEvent(AuditEvent.success("STAFF_UPDATE", "STAFF", id, station.getPath(), s.getName()));
        return view(s, station);
    }

    @Transactional
    public StaffView deactivate(long id) {
        requireManager();
        Staff s = visible(id);
        s.deactivate();
        OrgUnit station = units.findById(s.getStationId()).orElseThrow();
        events.publishEvent(AuditEvent.success("STAFF_DEACTIVATE", "STAFF", id, station.getPath(), s.getName()));
        return view(s, station);
    }

    /** The visible staff as an xlsx ledger (驻站人员台账); the download is audited. */
    @Transactional(readOnly = true)
    public byte[] exportXlsx(Long stationFilter) {
        List<StaffView> rows = list(stationFilter);
        var sheet = cn.sgz.shared.excel.XlsxTable.sheet("驻站人员台账")
                .title("驻站人员台账")
                .subtitle(cn.sgz.shared.excel.XlsxTable.asOf(
                        directory.scopeLabel(stationFilter), cn.sgz.shared.ChinaTime.today()))
                .columns(
                        cn.sgz.shared.excel.XlsxTable.Column.seq(),
                        cn.sgz.shared.excel.XlsxTable.Column.text("社工站"),
                        cn.sgz.shared.excel.XlsxTable.Column.text("姓名"),
                        cn.sgz.shared.excel.XlsxTable.Column.text("性别", 6),
                        cn.sgz.shared.excel.XlsxTable.Column.text("电话", 14),
                        cn.sgz.shared.excel.XlsxTable.Column.text("岗位"),
                        cn.sgz.shared.excel.XlsxTable.Column.text("证书等级"),
                        cn.sgz.shared.excel.XlsxTable.Column.text("证书编号"),
                        cn.sgz.shared.excel.XlsxTable.Column.date("取证日期"),
                        cn.sgz.shared.excel.XlsxTable.Column.text("状态", 6));
        int n = 0;
        for (StaffView v : rows) {
            sheet.row(
                    ++n,
                    v.stationName(),
                    v.name(),
                    nz(v.gender()),
                    nz(v.phone()),
                    nz(v.position()),
                    v.certLevel().label(),
                    nz(v.certNumber()),
                    v.certDate(),
                    v.active() ? "在岗" : "离岗");
        }
        byte[] file = sheet.toBytes();
        events.publishEvent(AuditEvent.success("EXPORT", "STAFF", null, null, rows.size() + "条"));
        return file;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void apply(Staff s, StaffForm form) {
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw BusinessException.field("name", "姓名不能为空，且不超过50个字");
        }
        String phone = PhoneNumbers.normalizeOptional("phone", form.phone());
        CertificateLevel level = form.certLevel() == null ? CertificateLevel.NONE : form.certLevel();
        if (level.certified()) {
            if (form.certNumber() == null || form.certNumber().isBlank()) {
                throw BusinessException.field("certNumber", "持证人员须填写证书编号");
            }
            if (form.certDate() == null) {
                throw BusinessException.field("certDate", "持证人员须填写取证日期");
            }
            if (form.certDate().isAfter(ChinaTime.today())) {
                throw BusinessException.field("certDate", "取证日期不能晚于今天");
            }
        }
        s.update(name, form.gender(), phone, trim(form.position()), level, trim(form.certNumber()), form.certDate());
    }

    private Staff visible(long id) {
        Staff s = staff.findById(id).orElseThrow(() -> new NotFoundException("人员"));
        if (!visibleStations().containsKey(s.getStationId())) {
            throw new NotFoundException("人员");
        }
        return s;
    }

    private Map<Long, OrgUnit> visibleStations() {
        Scope scope = scopes.current();
        return scope.paths().stream()
                .flatMap(p -> units.findByPathStartingWithAndTypeOrderByPath(p, OrgUnitType.STATION).stream())
                .collect(Collectors.toMap(
                        OrgUnit::getId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private void requireManager() {
        if (!scopes.current().role().managesStaff()) {
            throw new ForbiddenException("当前角色无权维护驻站人员");
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static StaffView view(Staff s, OrgUnit station) {
        return new StaffView(
                s.getId(),
                s.getStationId(),
                station == null ? null : station.getName(),
                s.getAgencyId(),
                s.getName(),
                s.getGender(),
                s.getPhone(),
                s.getPosition(),
                s.getCertLevel(),
                s.getCertNumber(),
                s.getCertDate(),
                s.isActive(),
                s.getVersion());
    }
}
