package cn.sgz.catalog.internal;

import cn.sgz.catalog.ProjectQueries;
import cn.sgz.evidence.EvidencePolicy;
import cn.sgz.evidence.EvidencePolicyOverride;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A project's evidence policy (set on the project form) is the policy its service records are qualified under. */
@Component
class ProjectEvidencePolicies implements EvidencePolicyOverride {

    private final ProjectQueries projects;

    ProjectEvidencePolicies(ProjectQueries projects) {
        this.projects = projects;
    }

    @Override
    public Optional<EvidencePolicy> forProject(long projectId) {
        return projects.findUnscoped(projectId).map(p -> p.evidencePolicy().withSource("项目“" + p.name() + "”"));
    }
}
