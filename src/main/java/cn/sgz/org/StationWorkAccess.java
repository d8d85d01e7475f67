package cn.sgz.org;

import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.util.List;

/**
 * What every module of station work (casework, community, charity …) asks before reading or writing:
 * who is signed in, their scope, whether their role records station work, and the stations they see.
 * Each module extends it with its own wording and look-ups; a row outside the caller's scope answers
 * exactly like an unknown id.
 */
public abstract class StationWorkAccess {

    protected final ScopeService scopes;
    protected final OrgDirectory directory;
    private final String readOnlyMessage;

    /** {@code readOnlyMessage}: what a reading role is told when it tries to write, in the module's words. */
    protected StationWorkAccess(ScopeService scopes, OrgDirectory directory, String readOnlyMessage) {
        this.scopes = scopes;
        this.directory = directory;
        this.readOnlyMessage = readOnlyMessage;
    }

    public CurrentUser me() {
        return scopes.currentUser();
    }

    public Scope scope() {
        return scopes.current();
    }

    public boolean canWrite() {
        return me().role().doesStationWork();
    }

    public void requireWriter() {
        if (!canWrite()) {
            throw new ForbiddenException(readOnlyMessage);
        }
    }

    /** Throws "not found" unless the row's org path is inside the caller's scope. */
    public void requireVisible(String orgPath, String what) {
        if (!scope().covers(orgPath)) {
            throw new NotFoundException(what);
        }
    }

    /** The stations (社工站) the caller sees, in tree order. */
    public List<OrgUnitView> stations() {
        return directory.visibleUnits(OrgUnitType.STATION);
    }
}
