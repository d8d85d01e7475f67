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

    AgencyService(AgencyRepository agencies, OrgUnitRepository units, ScopeService scopes,
                  ApplicationEventPublisher events) {
        this.agencies = agencies;
        this.units = units;
        this.scopes = scopes;
        this.events = events;
    }

    /** Government roles see every agency serving their area (and unlinked ones); agency staff their own. */
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
        String code = creditCode == null || creditCode.isBlank() ? null : creditCode.strip().toUpperCase();
        if (code != null && !CREDIT_CODE.matcher(code).matches()) {
            throw BusinessException.field("creditCode", "统一社会信用代码应为18位");
        }
        Agency agency = agencies.save(new Agency(clean, code, contactName,
                PhoneNumbers.normalizeOptional("phone", phone)));
        events.publishEvent(AuditEvent.success("AGENCY_CREATE", "AGENCY", agency.getId(), null, clean));
        return view(agency);
    }

    /** Records that an agency serves a station (projects will maintain this link later). */
    @Transactional
    public AgencyView linkStation(long agencyId, long stationId) {
        Scope scope = requireGovernment();
        Agency agency = agencies.findById(agencyId).orElseThrow(() -> new NotFoundException("机构"));
        OrgUnit station = units.findById(stationId).filter(u -> scope.covers(u.getPath()))
                .orElseThrow(() -> new NotFoundException("社工站"));
        if (station.getType() != OrgUnitType.STATION) {
            throw BusinessException.field("stationId", "只能关联乡镇（街道）社工站");
        }
        if (!agencies.stationIds(agencyId).contains(stationId)) {
            agencies.linkStation(agencyId, stationId);
        }
        events.publishEvent(AuditEvent.success("AGENCY_LINK", "AGENCY", agencyId, station.getPath(),
                agency.getName() + " → " + station.getName()));
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
        List<String> paths = agencies.stationPaths(a.getId());
        return paths.isEmpty() ? scope.role().managesOrgTree() : paths.stream().anyMatch(scope::covers);
    }

    private Scope requireGovernment() {
        Scope scope = scopes.current();
        if (!scope.role().managesOrgTree()) {
            throw new ForbiddenException("当前角色无权维护承接机构");
        }
        return scope;
    }

    AgencyView view(Agency a) {
        return new AgencyView(a.getId(), a.getName(), a.getCreditCode(), a.getContactName(), a.getPhone(),
                agencies.stationIds(a.getId()));
    }
}
