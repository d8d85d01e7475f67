package cn.sgz.evidence;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which evidence a service needs to count. The system default comes from configuration
 * ({@code sgz.evidence.policy.*}); a project may override it ({@link EvidencePolicyOverride}).
 *
 * @param maxDistanceMeters how far from the service site a photo's position may be
 * @param graceDays how many days a scene photo's capture date may differ from the service date
 * @param minAttendees minimum sign-in entries of an organised activity (0 = no minimum)
 * @param photoExemptKinds service kinds that need no photo (e.g. a phone follow-up)
 * @param source where the policy comes from, shown to people ("系统默认", "项目 #12")
 */
public record EvidencePolicy(
        Set<EvidenceCheck> checks,
        int maxDistanceMeters,
        int graceDays,
        int minAttendees,
        Set<String> photoExemptKinds,
        String source) {

    public EvidencePolicy {
        checks = checks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(checks));
        photoExemptKinds = Set.copyOf(photoExemptKinds);
    }

    public boolean applies(EvidenceCheck check) {
        return checks.contains(check);
    }
}
