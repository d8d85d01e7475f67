package cn.sgz.evidence;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The evidence policy that applies to a record: the project's own, else the system default. */
@Service
public class EvidencePolicies {

    private final EvidencePolicy defaults;
    private final ObjectProvider<EvidencePolicyOverride> overrides;

    EvidencePolicies(
            @Value("${sgz.evidence.policy.checks:}") String checks,
            @Value("${sgz.evidence.policy.max-distance-meters:5000}") int maxDistance,
            @Value("${sgz.evidence.policy.grace-days:0}") int graceDays,
            @Value("${sgz.evidence.policy.min-attendees:0}") int minAttendees,
            @Value("${sgz.evidence.policy.photo-exempt-kinds:FOLLOW_UP_PHONE}") String exempt,
            ObjectProvider<EvidencePolicyOverride> overrides) {
        Set<EvidenceCheck> enabled = checks.isBlank()
                ? EnumSet.allOf(EvidenceCheck.class)
                : java.util.Arrays.stream(checks.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .map(EvidenceCheck::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(EvidenceCheck.class)));
        Set<String> exemptKinds = java.util.Arrays.stream(exempt.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        this.defaults = new EvidencePolicy(enabled, maxDistance, graceDays, minAttendees, exemptKinds, "系统默认");
        this.overrides = overrides;
    }

    public EvidencePolicy defaults() {
        return defaults;
    }

    /** The policy of a project (null = no project yet): an override if a project module provides one. */
    public EvidencePolicy forProject(Long projectId) {
        if (projectId == null) {
            return defaults;
        }
        List<EvidencePolicyOverride> all = overrides.orderedStream().toList();
        for (EvidencePolicyOverride o : all) {
            Optional<EvidencePolicy> p = o.forProject(projectId);
            if (p.isPresent()) {
                return p.get();
            }
        }
        return defaults;
    }
}
