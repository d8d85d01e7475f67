package cn.sgz.casework.internal;

import cn.sgz.evidence.PhotoView;
import java.util.List;
import java.util.Optional;

/** Everything the case page shows: the case, its forms, sessions, referrals, history and permissions. */
public record CaseDetail(
        CaseView c,
        List<FormView> forms,
        List<SessionView> sessions,
        List<ReferralView> referrals,
        List<LogEntry> log,
        List<PhotoView> agreementPhotos,
        Optional<ExemplaryView> exemplary,
        boolean canWrite,
        boolean canApprove) {

    public Optional<FormView> form(FormType type) {
        return forms.stream().filter(f -> f.type() == type).findFirst();
    }

    public boolean has(FormType type) {
        return type == FormType.CASE_PROCESS ? !sessions.isEmpty() : form(type).isPresent();
    }

    public long countingSessions() {
        return sessions.stream().filter(SessionView::counts).count();
    }

    public boolean agreementSigned() {
        return agreementPhotos.stream().anyMatch(p -> !p.removed());
    }
}
