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

    /** Overdue people, highest risk first (the due list's order); empty for roles without ledgers. */
    public List<DueEntry> overdue() {
        try {
            return followUps.dueList(ChinaTime.today(), null, true).stream()
                    .filter(e -> e.status() == DueStatus.OVERDUE)
                    .toList();
        } catch (ForbiddenException e) {
            return List.of();
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
