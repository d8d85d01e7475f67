package cn.sgz.casework.internal;

import java.util.List;
import java.util.Optional;

/** Everything a group or community service page shows. Units are the 单元计划书 by session number. */
public record GroupDetail(
        GroupView g,
        Optional<FormView> plan,
        List<FormView> units,
        List<SessionView> sessions,
        Optional<FormView> evaluation,
        List<LogEntry> log,
        Optional<ExemplaryView> exemplary,
        boolean canWrite) {

    public long countingSessions() {
        return sessions.stream().filter(SessionView::counts).count();
    }

    /** Unit plans that no session has used yet: the ones a new session may follow. */
    public List<FormView> openUnits() {
        return units.stream()
                .filter(u ->
                        sessions.stream().noneMatch(s -> s.unitSeq() != null && s.unitSeq() == u.seq() && !s.voided()))
                .toList();
    }
}
