package cn.sgz.evidence;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The evidence policy that applies to a record: its project's, else the system default. */
@Service
public class EvidencePolicies {

    private final ObjectProvider<EvidencePolicyOverride> overrides;

    EvidencePolicies(ObjectProvider<EvidencePolicyOverride> overrides) {
        this.overrides = overrides;
    }

    public EvidencePolicy defaults() {
        return EvidencePolicy.defaults();
    }

    /** The policy of a project (null = no project yet): an override if a project module provides one. */
    public EvidencePolicy forProject(Long projectId) {
        if (projectId == null) {
            return defaults();
        }
        List<EvidencePolicyOverride> all = overrides.orderedStream().toList();
        for (EvidencePolicyOverride o : all) {
            Optional<EvidencePolicy> p = o.forProject(projectId);
            if (p.isPresent()) {
                return p.get();
            }
        }
        return defaults();
    }
}
