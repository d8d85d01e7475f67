package cn.sgz.activity;

import cn.sgz.activity.internal.RecordStore;
import cn.sgz.evidence.Qualification;
import cn.sgz.evidence.ReasonCode;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service records as reviewers (spot checks of the evaluation module) need them: the counted records of some
 * stations, who to call about one, and a reviewer's hold that keeps a record from counting. The caller checks
 * that the user may review these stations; every hold is audited and recomputes the stored qualification.
 */
@Service
public class RecordReview {

    private final JdbcClient jdbc;
    private final RecordStore store;
    private final ServiceRecordService records;
    private final ScopeService scopes;
    private final ApplicationEventPublisher events;

    RecordReview(
            JdbcClient jdbc,
            RecordStore store,
            ServiceRecordService records,
            ScopeService scopes,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.records = records;
        this.scopes = scopes;
        this.events = events;
    }

    /** A record that counts today, as a sampling frame row. */
    public record Candidate(long recordId, long stationId, ServiceKind kind, LocalDate serviceDate, String title) {}

    /** Who can confirm a record: its sign-in sheet and receipts (with phones) and the people served. */
    public record Contacts(
            long recordId,
            long stationId,
            String orgPath,
            ServiceKind kind,
            LocalDate serviceDate,
            String title,
            String place,
            String workers,
            boolean counts,
            List<Person> people) {}

    /** {@code source}: 签到表 / 领取单据 / 服务对象; phone may be null. */
    public record Person(String source, String name, String phone) {}

    /** Counting (ACTIVE, COUNTS) records of the stations dated in [from, to], ordered by id. */
    @Transactional(readOnly = true)
    public List<Candidate> countedRecords(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(stationIds);
        params.add(from);
        params.add(to);
        return jdbc.sql("SELECT id, station_id, kind, service_date, title FROM service_record WHERE station_id IN ("
                        + "?,".repeat(stationIds.size() - 1) + "?) AND service_date BETWEEN ? AND ? "
                        + "AND status = 'ACTIVE' AND qualification = 'COUNTS' ORDER BY id")
                .params(params)
                .query((rs, i) -> new Candidate(
                        rs.getLong(1),
                        rs.getLong(2),
                        ServiceKind.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5)))
                .list();
    }

    /** The record with the people to call; no scope check (see the class comment). */
    @Transactional(readOnly = true)
    public Contacts contacts(long recordId) {
        ServiceRecordView r = store.find(recordId).orElseThrow(() -> new NotFoundException("服务记录"));
        List<Person> people = new ArrayList<>();
        store.signIns(recordId).forEach(e -> people.add(new Person("签到表", e.name(), e.phone())));
        store.receipts(recordId).forEach(e -> people.add(new Person("领取单据", e.name(), e.phone())));
        for (ServiceRecordView.Participant p : r.participants()) {
            if (people.stream().noneMatch(x -> x.name().equals(p.name()))) {
                people.add(new Person("服务对象", p.name(), null));
            }
        }
        return new Contacts(
                r.id(),
                r.stationId(),
                r.orgPath(),
                r.kind(),
                r.serviceDate(),
                r.title(),
                r.place(),
                r.workers(),
                r.counts(),
                people);
    }

    /** Keeps a record from counting with a reviewer's reason until {@link #release}; returns the new qualification. */
    @Transactional
    public Qualification hold(long recordId, ReasonCode code, String detail, String sourceRef) {
        ServiceRecordView r = store.find(recordId).orElseThrow(() -> new NotFoundException("服务记录"));
        store.putHold(recordId, code, detail, sourceRef, scopes.currentUser().username());
        Qualification q = records.recompute(recordId);
        events.publishEvent(AuditEvent.success(
                "RECORD_HOLD", "SERVICE_RECORD", recordId, r.orgPath(), code.label() + "：" + detail));
        events.publishEvent(new ServiceRecordChanged(recordId, r.stationId(), r.serviceDate(), false));
        return q;
    }

    /** Lifts a reviewer's hold (the record counts again if its evidence allows). */
    @Transactional
    public Qualification release(long recordId, ReasonCode code, String why) {
        ServiceRecordView r = store.find(recordId).orElseThrow(() -> new NotFoundException("服务记录"));
        boolean removed = store.removeHold(recordId, code);
        Qualification q = records.recompute(recordId);
        if (removed) {
            events.publishEvent(AuditEvent.success(
                    "RECORD_HOLD_RELEASE", "SERVICE_RECORD", recordId, r.orgPath(), code.label() + "：" + why));
            events.publishEvent(new ServiceRecordChanged(recordId, r.stationId(), r.serviceDate(), false));
        }
        return q;
    }
}
