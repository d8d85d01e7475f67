package cn.sgz.recipient.internal;

import cn.sgz.activity.RecipientPicker;
import cn.sgz.recipient.RecipientView;
import cn.sgz.shared.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Lets service records pick the people they served from the ledgers: a name or ID-tail search in
 * one station, inside the user's scope (the recipient service checks it). The hint shows the village
 * and the masked ID, never the full number.
 */
@Component
class LedgerRecipientPicker implements RecipientPicker {

    private final RecipientService recipients;

    LedgerRecipientPicker(RecipientService recipients) {
        this.recipients = recipients;
    }

    @Override
    public List<RecipientOption> search(long stationId, String query, int limit) {
        String q = query == null ? "" : query.strip();
        boolean tail = q.matches("[0-9Xx]{4}");
        LedgerQuery filter = new LedgerQuery(
                null,
                tail || q.isEmpty() ? null : q,
                tail ? q.toUpperCase() : null,
                stationId,
                null,
                null,
                null,
                false);
        return recipients.ledger(filter, 0, Math.max(1, Math.min(limit, 50))).items().stream()
                .map(LedgerRecipientPicker::option)
                .toList();
    }

    @Override
    public Optional<RecipientOption> find(long recipientId) {
        try {
            return Optional.of(option(recipients.get(recipientId)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> phone(long recipientId) {
        try {
            String phone = recipients.get(recipientId).phone();
            return phone == null || phone.isBlank() || phone.contains("*")
                    ? Optional.empty()
                    : Optional.of(phone.strip());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static RecipientOption option(RecipientView r) {
        return new RecipientOption(r.id(), r.name(), r.orgUnitName() + " · " + r.maskedIdNumber());
    }
}
