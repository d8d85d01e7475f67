package cn.sgz.charity.internal;

import cn.sgz.activity.PersonHistorySource;
import cn.sgz.shared.Money;
import java.util.List;
import org.springframework.stereotype.Component;

/** The relief a person received (慈善救助: fund, amount, goods), for the person's page. */
@Component
class ReliefHistory implements PersonHistorySource {

    private final CharityReliefStore store;
    private final CharityAccess access;

    ReliefHistory(CharityReliefStore store, CharityAccess access) {
        this.store = store;
        this.access = access;
    }

    @Override
    public List<PersonEvent> eventsOf(long recipientId) {
        return store.ofRecipient(access.scope(), recipientId).stream()
                .map(e -> new PersonEvent(
                        e.getKey().reliefDate(),
                        "慈善救助",
                        e.getKey().fundName(),
                        Money.format(e.getValue().amount()) + " 元"
                                + (e.getValue().goods() == null
                                                || e.getValue().goods().isBlank()
                                        ? ""
                                        : " · " + e.getValue().goods()),
                        null,
                        null,
                        "/charity/relief/" + e.getKey().id(),
                        List.of(),
                        e.getKey().recordId()))
                .toList();
    }
}
