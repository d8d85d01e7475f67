package cn.sgz.org.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends every session of an account at once; sessions live in the database, so this reaches all instances. */
@Component
class SessionTerminator {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    int endAllSessions(String username) {
        return endOtherSessions(username, null);
    }

    /** Ends every session of the account except {@code keepSessionId} (the one making the change; null: none). */
    int endOtherSessions(String username, String keepSessionId) {
        var others = sessions.findByPrincipalName(username).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .toList();
        others.forEach(sessions::deleteById);
        return others.size();
    }
}
