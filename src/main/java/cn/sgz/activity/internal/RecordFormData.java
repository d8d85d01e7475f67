package cn.sgz.activity.internal;

import cn.sgz.activity.RecordForm;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.shared.vocabulary.PublicityChannel;
import cn.sgz.shared.vocabulary.ServiceField;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The record form as the page binds it (never the stored row). People from the ledgers are chosen with the
 * people picker, which sends each as {@code 姓名 #台账编号} ({@code picked}); people not on a ledger are typed one
 * name per line (a line in the old {@code 姓名 #编号} form is still read as a picked person).
 */
public class RecordFormData {

    private static final Pattern PICKED = Pattern.compile("^(.*?)\\s*#(\\d{1,18})\\s*$");

    private Long orgUnitId;
    private Long projectId;
    private ServiceKind kind;
    private ServiceField domain;
    private String title;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate serviceDate;

    private String startTime;
    private String endTime;
    private String place;
    private boolean indoor;
    private boolean distributesGoods;
    private String workers;
    private Integer participantCount;
    private String participantLines;
    /** People picked from the ledgers by the picker, each as {@code 姓名 #台账编号} (the picker writes it). */
    private List<String> picked = new ArrayList<>();

    private String content;
    private String outcome;
    private Long version;
    private String outdoorReason;
    private String noGoodsReason;
    private PublicityChannel publicityChannel;
    private String publicityLink;

    RecordForm toForm() {
        List<RecordForm.ParticipantInput> people = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (PickedPerson p : pickedPeople()) {
            if (seen.add(p.id())) {
                people.add(new RecordForm.ParticipantInput(p.id(), p.name()));
            }
        }
        if (participantLines != null) {
            for (String line : participantLines.split("\\R")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                Matcher m = PICKED.matcher(l);
                people.add(
                        m.matches()
                                ? new RecordForm.ParticipantInput(Long.parseLong(m.group(2)), m.group(1))
                                : new RecordForm.ParticipantInput(null, l));
            }
        }
        return new RecordForm(
                orgUnitId,
                projectId,
                kind,
                domain,
                title,
                serviceDate,
                startTime,
                endTime,
                place,
                indoor,
                distributesGoods,
                workers,
                participantCount,
                content,
                outcome,
                people,
                outdoorReason,
                noGoodsReason,
                publicityChannel,
                publicityLink);
    }

    static RecordFormData of(ServiceRecordView r) {
        RecordFormData d = new RecordFormData();
        d.orgUnitId = r.orgUnitId();
        d.projectId = r.projectId();
        d.kind = r.kind();
        d.domain = r.domain();
        d.title = r.title();
        d.serviceDate = r.serviceDate();
        d.startTime = r.startTime();
        d.endTime = r.endTime();
        d.place = r.place();
        d.indoor = r.indoor();
        d.distributesGoods = r.distributesGoods();
        d.workers = r.workers();
        d.participantCount = r.participantCount();
        d.picked = new ArrayList<>(r.participants().stream()
                .filter(p -> p.recipientId() != null)
                .map(p -> p.name() + " #" + p.recipientId())
                .toList());
        d.participantLines = String.join(
                "\n",
                r.participants().stream()
                        .filter(p -> p.recipientId() == null)
                        .map(ServiceRecordView.Participant::name)
                        .toList());
        d.content = r.content();
        d.outcome = r.outcome();
        d.version = r.version();
        d.outdoorReason = r.outdoorReason();
        d.noGoodsReason = r.noGoodsReason();
        d.publicityChannel = r.publicityChannel();
        d.publicityLink = r.publicityLink();
        return d;
    }

    /** A person the picker chose: ledger id and name (shown as a chip). */
    public record PickedPerson(long id, String name) {}

    /** The picked people, in order, for the picker's chips and the record. */
    public List<PickedPerson> pickedPeople() {
        List<PickedPerson> out = new ArrayList<>();
        if (picked != null) {
            for (String line : picked) {
                Matcher m = line == null ? null : PICKED.matcher(line.strip());
                if (m != null && m.matches()) {
                    out.add(new PickedPerson(Long.parseLong(m.group(2)), m.group(1)));
                }
            }
        }
        return out;
    }

    public List<String> getPicked() {
        return picked;
    }

    public void setPicked(List<String> v) {
        picked = v == null ? new ArrayList<>() : v;
    }

    public String getOutdoorReason() {
        return outdoorReason;
    }

    public void setOutdoorReason(String v) {
        outdoorReason = v;
    }

    public String getNoGoodsReason() {
        return noGoodsReason;
    }

    public void setNoGoodsReason(String v) {
        noGoodsReason = v;
    }

    public PublicityChannel getPublicityChannel() {
        return publicityChannel;
    }

    public void setPublicityChannel(PublicityChannel v) {
        publicityChannel = v;
    }

    public String getPublicityLink() {
        return publicityLink;
    }

    public void setPublicityLink(String v) {
        publicityLink = v;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public void setOrgUnitId(Long v) {
        orgUnitId = v;
    }

    public Long getProjectId() {
        return projectId;
    }

    public void setProjectId(Long v) {
        projectId = v;
    }

    public ServiceKind getKind() {
        return kind;
    }

    public void setKind(ServiceKind v) {
        kind = v;
    }

    public ServiceField getDomain() {
        return domain;
    }

    public void setDomain(ServiceField v) {
        domain = v;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String v) {
        title = v;
    }

    public LocalDate getServiceDate() {
        return serviceDate;
    }

    public void setServiceDate(LocalDate v) {
        serviceDate = v;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String v) {
        startTime = v;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String v) {
        endTime = v;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String v) {
        place = v;
    }

    public boolean isIndoor() {
        return indoor;
    }

    public void setIndoor(boolean v) {
        indoor = v;
    }

    public boolean isDistributesGoods() {
        return distributesGoods;
    }

    public void setDistributesGoods(boolean v) {
        distributesGoods = v;
    }

    public String getWorkers() {
        return workers;
    }

    public void setWorkers(String v) {
        workers = v;
    }

    public Integer getParticipantCount() {
        return participantCount;
    }

    public void setParticipantCount(Integer v) {
        participantCount = v;
    }

    public String getParticipantLines() {
        return participantLines;
    }

    public void setParticipantLines(String v) {
        participantLines = v;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String v) {
        content = v;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String v) {
        outcome = v;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long v) {
        version = v;
    }
}
