package cn.sgz.evidence;

import java.util.Optional;

/**
 * Implemented by the module that owns projects (catalog) to give a project its own evidence policy.
 * Any bean of this type is asked by {@link EvidencePolicies#forProject(Long)}; the first answer wins.
 */
public interface EvidencePolicyOverride {

    Optional<EvidencePolicy> forProject(long projectId);
}
