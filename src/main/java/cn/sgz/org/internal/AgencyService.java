package cn.sgz.org.internal;

import cn.sgz.org.AgencyView;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.PhoneNumbers;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 承接机构: registered by the bureau and linked to the stations they serve. */
@Service
public class AgencyService {

    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");

    private final AgencyRepository agencies;
    private final OrgUnitRepository units;
    private final ScopeService scopes;
    private final ApplicationEventPublisher events;

    AgencyService(
            AgencyRepository agencies, OrgUnitRepository units, ScopeService scopes, ApplicationEventPublisher events) {
        this.agencies = agencies;
        this.units = units;
        this.scopes = scopes;
        this.events = events;
    }

    /** Government roles see the agencies within their reach (see withinReach); agency staff their own. */
    @Transactional(readOnly = true)
    public List<AgencyView> list() {
        Scope scope = scopes.current();
        return agencies.findAll().stream()
                .filter(a -> isVisible(a, scope))
                .map(this::view)
                .toList();
    }

    @Transactional
    public AgencyView create(String name, String creditCode, String contactName, String phone) {
        requireGovernment();
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw BusinessException.field("name", "机构名称不能为空，且不超过100个字");
        }
        if (agencies.existsByName(clean)) {
            throw BusinessException.field("name", "机构“" + clean + "”已登记");
        }
        String code = creditCode == null || creditCode.isBlank()
                ? null
                : creditCode.strip().toUpperCase();
        if (code != null && !CREDIT_CODE.matcher(code).matches()) {
            throw BusinessException.field("creditCode", "统一社会信用代码应为18位");
        }
        Scope scope = scopes.current();
        Long registrar = scope.role() == Role.ADMIN ? null : scope.user().orgUnitId();
        Agency agency = agencies.save(
                new Agency(clean, code, contactName, PhoneNumbers.normalizeOptional("phone", phone), registrar));
        events.publishEvent(AuditEvent.success("AGENCY_CREATE", "AGENCY", agency.getId(), null, clean));
        return view(agency);
    }

    /**
     * Records that an agency serves a station. Only agencies within the officer's reach may be linked
     * (registered in the officer's area, already serving a station there, or holding a project of the
     * officer's bureau): a foreign county's agency answers 404 like an unknown one, since linking it
     * would hand that agency's manager the station's data.
     */
    @Transactional
    public AgencyView linkStation(long agencyId, long stationId) {
        Scope scope = requireGovernment();
        Agency agency = agencies.findById(agencyId)
                .filter(a -> withinReach(a, scope))
                .orElseThrow(() -> new NotFoundException("机构"));
        OrgUnit station = units.findById(stationId)
                .filter(u -> scope.covers(u.getPath()))
                .orElseThrow(() -> new NotFoundException("社工站"));
        if (station.getType() != OrgUnitType.STATION) {
            throw BusinessException.field("stationId", "只能关联乡镇（街道）社工站");
        }
        if (!agencies.stationIds(agencyId).contains(stationId)) {
            agencies.linkStation(agencyId, stationId);
        }
        events.publishEvent(AuditEvent.success(
                "AGENCY_LINK", "AGENCY", agencyId, station.getPath(), agency.getName() + " → " + station.getName()));
        return view(agency);
    }

    /** Ends an agency's service of a station (the agency's manager loses the station at once). */
    @Transactional
    public AgencyView unlinkStation(long agencyId, long stationId) {
        Scope scope = requireGovernment();
        Agency agency = agencies.findById(agencyId)
                .filter(a -> isVisible(a, scope))
                .orElseThrow(() -> new NotFoundException("机构"));
        OrgUnit station = units.findById(stationId)
                .filter(u -> scope.covers(u.getPath()))
                .orElseThrow(() -> new NotFoundException("社工站"));
        if (!agencies.stationIds(agencyId).contains(stationId)) {
            throw new NotFoundException("机构与社工站的关联");
        }
        agencies.unlinkStation(agencyId, stationId);
        events.publishEvent(AuditEvent.success(
                "AGENCY_UNLINK", "AGENCY", agencyId, station.getPath(), agency.getName() + " ✕ " + station.getName()));
        return view(agency);
    }

    private boolean isVisible(Agency a, Scope scope) {
        if (scope.role() == Role.ADMIN) {
            return true;
        }
        Long own = scope.user().agencyId();
        if (own != null) {
            return own.equals(a.getId());
        }
        if (scope.role().managesOrgTree()) {
            return withinReach(a, scope);
        }
        return agencies.stationPaths(a.getId()).stream().anyMatch(scope::covers);
    }

    /**
     * Whether a government user may see and link an agency: it serves a station in their area, was
     * registered in their area, or holds a project of their bureau. Agencies from before registration
     * was recorded that serve no station are visible to every government role, as they always were.
     */
    boolean withinReach(Agency a, Scope scope) {
        if (scope.role() == Role.ADMIN) {
            return true;
        }
        if (!scope.role().managesOrgTree()) {
            return false;
        }
        List<String> stations = agencies.stationPaths(a.getId());
        if (stations.stream().anyMatch(scope::covers)) {
            return true;
        }
        if (a.getOrgUnitId() != null) {
            if (agencies.unitPath(a.getOrgUnitId()).filter(scope::covers).isPresent()) {
                return true;
            }
        } else if (stations.isEmpty() && agencies.stationIds(a.getId()).isEmpty()) {
            return true;
        }
        return agencies.projectBureauPaths(a.getId()).stream().anyMatch(scope::covers);
    }

    /** For account administration: the agency exists and the current government user may bind people to it. */
    boolean withinReach(long agencyId, Scope scope) {
        return agencies.findById(agencyId).filter(a -> withinReach(a, scope)).isPresent();
    }

    private Scope requireGovernment() {
        Scope scope = scopes.current();
        if (!scope.role().managesOrgTree()) {
            throw new ForbiddenException("当前角色无权维护承接机构");
        }
        return scope;
    }

    AgencyView view(Agency a) {
        return new AgencyView(
                a.getId(),
                a.getName(),
                a.getCreditCode(),
                a.getContactName(),
                a.getPhone(),
                agencies.stationIds(a.getId()));
    }
}
