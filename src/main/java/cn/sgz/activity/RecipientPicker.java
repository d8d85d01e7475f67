package cn.sgz.activity;

import java.util.List;
import java.util.Optional;

/**
 * Picks people served from the recipient ledgers (台账). The recipient module (built separately)
 * provides the real implementation as a bean of this type; until then a fallback accepts typed names.
 * Implementations answer inside the current user's scope only.
 */
public interface RecipientPicker {

    /** Ledger people of a station whose name (or ID tail) matches the query; at most {@code limit}. */
    List<RecipientOption> search(long stationId, String query, int limit);

    /** The person with this id if it exists and is visible; used to snapshot the name on a record. */
    Optional<RecipientOption> find(long recipientId);

    /**
     * The phone the ledger holds for this person (for a sign-in line of someone picked rather than typed), if any and
     * visible to the current user.
     */
    default Optional<String> phone(long recipientId) {
        return Optional.empty();
    }

    /** A person as the picker shows them: never the full ID number. */
    record RecipientOption(long id, String name, String hint) {}
}
