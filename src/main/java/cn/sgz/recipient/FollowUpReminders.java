package cn.sgz.recipient;

import cn.sgz.recipient.internal.FollowUpService;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ForbiddenException;
import java.util.List;
import org.springframework.stereotype.Service;

/** Who is overdue for a follow-up in the user's stations, for home-page alerts. */
@Service
public class FollowUpReminders {

    private final FollowUpService followUps;

    FollowUpReminders(FollowUpService followUps) {
        this.followUps = followUps;
    }

    /** How many people are overdue for a follow-up, and the first few of them (highest risk first). */
    public record Overdue(int total, List<DueEntry> first) {}

    /**
     * Overdue people in the user's scope: their number and the first {@code first}, highest risk first; none for
     * roles without ledgers.
     */
    public Overdue overdue(int first) {
        try {
            return followUps.overdue(ChinaTime.today(), first);
        } catch (ForbiddenException e) {
            return new Overdue(0, List.of());
        }
    }

    /** Everyone not yet followed up this period (overdue first, then by the period's end), for the to-do list. */
    public List<DueEntry> open() {
        try {
            return followUps.dueList(ChinaTime.today(), null, true).stream()
                    .filter(e -> e.status() != DueStatus.DONE)
                    .sorted(java.util.Comparator.comparing((DueEntry e) -> e.status() == DueStatus.OVERDUE ? 0 : 1)
                            .thenComparing(DueEntry::periodEnd))
                    .toList();
        } catch (ForbiddenException e) {
            return List.of();
        }
    }
}
