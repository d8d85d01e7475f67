package cn.sgz.org;

import java.io.Serializable;

/** Who is signed in, as other modules may see it. Kept in the session, so it must stay small. */
public record CurrentUser(long id, String username, String displayName, Role role, Long orgUnitId, Long agencyId)
        implements Serializable {}
