package cn.sgz.feedback.internal;

import cn.sgz.feedback.internal.CaseRows.Row;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.Role;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who may do what with a residents' case; see {@link cn.sgz.feedback.ComplaintService}. */
@Component
public class CaseAccess {

    /** HANDLER: the owning county bureau. READER: city, administrator. EXPLAINER: the agency asked to explain. */
    public enum Access {
        HANDLER,
        READER,
        EXPLAINER
    }

    private final ScopeService scopes;

    CaseAccess(ScopeService scopes) {
        this.scopes = scopes;
    }

    public CurrentUser user() {
        return scopes.currentUser();
    }

    public Scope scope() {
        return scopes.current();
    }

    public boolean seesCases(Role role) {
        return role == Role.BUREAU_OFFICER
                || role == Role.CITY_OFFICER
                || role == Role.ADMIN
                || role == Role.AGENCY_MANAGER;
    }

    public void requireVisibleStation(long stationId) {
        scopes.requireVisibleUnit(stationId, "社工站");
    }

    public Optional<Access> accessTo(Row r) {
        CurrentUser me = user();
        Scope scope = scope();
        if (!scope.covers(r.stationPath())) {
            return Optional.empty();
        }
        return switch (me.role()) {
            case BUREAU_OFFICER -> Optional.of(Access.HANDLER);
            case CITY_OFFICER, ADMIN -> Optional.of(Access.READER);
            case AGENCY_MANAGER ->
                r.explanationRequestedAt() != null
                                && me.agencyId() != null
                                && Objects.equals(me.agencyId(), r.agencyId())
                        ? Optional.of(Access.EXPLAINER)
                        : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** 139****0101 for mobiles, the area code and last two digits for landlines; null stays null. */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() == 11 && phone.startsWith("1")) {
            return phone.substring(0, 3) + "****" + phone.substring(7);
        }
        return phone.length() <= 6 ? "****" : phone.substring(0, 4) + "****" + phone.substring(phone.length() - 2);
    }
}
