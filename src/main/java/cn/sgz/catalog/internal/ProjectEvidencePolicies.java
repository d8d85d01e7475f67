package cn.sgz.catalog.internal;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.evidence.EvidenceCheck;
import cn.sgz.evidence.EvidencePolicies;
import cn.sgz.evidence.EvidencePolicy;
import cn.sgz.evidence.EvidencePolicyOverride;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A project's evidence rules (set on the project form) become the policy its service records are
 * qualified under. Duplicate photos are refused under every project: the seeds allow no exception.
 * Group-session minimums are the engine's business (GROUP_QUOTA), so the per-activity minimum stays
 * the system default.
 */
@Component
class ProjectEvidencePolicies implements EvidencePolicyOverride {

    private final ProjectQueries projects;
    private final ObjectProvider<EvidencePolicies> policies;

    ProjectEvidencePolicies(ProjectQueries projects, ObjectProvider<EvidencePolicies> policies) {
        this.projects = projects;
        this.policies = policies;
    }

    @Override
    public Optional<EvidencePolicy> forProject(long projectId) {
        return projects.findUnscoped(projectId).map(this::toEvidencePolicy);
    }

    EvidencePolicy toEvidencePolicy(Project project) {
        EvidencePolicy defaults = policies.getObject().defaults();
        cn.sgz.catalog.EvidencePolicy p = project.evidencePolicy();
        Set<EvidenceCheck> checks =
                EnumSet.copyOf(defaults.checks().isEmpty() ? EnumSet.allOf(EvidenceCheck.class) : defaults.checks());
        checks.add(EvidenceCheck.NO_DUPLICATE_PHOTOS);
        if (!p.photoRequired()) {
            checks.remove(EvidenceCheck.PHOTO_REQUIRED);
        }
        if (p.maxDistanceMeters() == null) {
            checks.remove(EvidenceCheck.PHOTO_PLACE);
        }
        if (!p.signInRequiredIndoor()) {
            checks.remove(EvidenceCheck.SIGN_IN_FOR_INDOOR);
            checks.remove(EvidenceCheck.ATTENDEE_PHONE);
        }
        if (!p.receiptsRequired()) {
            checks.remove(EvidenceCheck.RECEIPTS_FOR_DISTRIBUTION);
        }
        int distance = p.maxDistanceMeters() == null ? defaults.maxDistanceMeters() : p.maxDistanceMeters();
        return new EvidencePolicy(
                checks,
                distance,
                p.captureGraceDays(),
                defaults.minAttendees(),
                defaults.photoExemptKinds(),
                "项目“" + project.name() + "”");
    }
}
