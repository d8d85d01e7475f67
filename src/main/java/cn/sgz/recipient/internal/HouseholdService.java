package cn.sgz.recipient.internal;

import cn.sgz.recipient.MemberView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.PhoneNumbers;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Household members and guardians (children link to their guardians). */
@Service
public class HouseholdService {

    private final JdbcClient jdbc;
    private final RecipientAccess access;
    private final ApplicationEventPublisher events;

    HouseholdService(JdbcClient jdbc, RecipientAccess access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "HouseholdMemberForm")
    public record MemberForm(
            String name, String relation, String phone, boolean guardian, Long linkedRecipientId, String note) {}

    @Transactional(readOnly = true)
    public List<MemberView> members(long recipientId) {
        access.requireVisible(recipientId);
        return jdbc.sql("SELECT * FROM recipient_member WHERE recipient_id = ? ORDER BY guardian DESC, id")
                .param(recipientId)
                .query((rs, i) -> new MemberView(
                        rs.getLong("id"),
                        rs.getLong("recipient_id"),
                        rs.getString("name"),
                        rs.getString("relation"),
                        access.phone(rs.getString("phone")),
                        rs.getBoolean("guardian"),
                        (Long) rs.getObject("linked_recipient_id", Long.class),
                        rs.getString("note")))
                .list();
    }

    @Transactional
    public MemberView add(long recipientId, MemberForm form) {
        access.requireWriter();
        String path = access.requireVisible(recipientId);
        String name = RecipientRules.blankToNull(form.name());
        if (name == null || name.length() > 50) {
            throw BusinessException.field("memberName", "成员姓名不能为空，且不超过50个字");
        }
        String relation = RecipientRules.blankToNull(form.relation());
        if (relation == null || relation.length() > 20) {
            throw BusinessException.field("relation", "请填写与服务对象的关系（如父亲、祖母、配偶）");
        }
        String phone = PhoneNumbers.normalizeOptional("memberPhone", form.phone());
        if (form.linkedRecipientId() != null) {
            if (form.linkedRecipientId() == recipientId) {
                throw BusinessException.field("linkedRecipientId", "不能关联自身");
            }
            try {
                access.requireVisible(form.linkedRecipientId());
            } catch (NotFoundException e) {
                throw BusinessException.field("linkedRecipientId", "关联的服务对象不存在或不在您的管辖范围内");
            }
        }
        String note = RecipientRules.blankToNull(form.note());
        long id = insert(recipientId, name, relation, phone, form.guardian(), form.linkedRecipientId(), note);
        events.publishEvent(AuditEvent.success("RECIPIENT_MEMBER_ADD", "RECIPIENT", recipientId, path, relation));
        return members(recipientId).stream()
                .filter(m -> m.id() == id)
                .findFirst()
                .orElseThrow();
    }

    long insert(
            long recipientId, String name, String relation, String phone, boolean guardian, Long linked, String note) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO recipient_member (recipient_id, name, relation, phone, guardian, linked_recipient_id, "
                        + "note, created_at) VALUES (?,?,?,?,?,?,?,?)")
                .params(recipientId, name, relation, phone, guardian, linked, note, ChinaTime.offsetNow())
                .update(keys, "id");
        return keys.getKeyAs(Long.class) != null
                ? keys.getKeyAs(Long.class)
                : ((Number) keys.getKeys().get("id")).longValue();
    }

    @Transactional
    public void remove(long recipientId, long memberId) {
        access.requireWriter();
        String path = access.requireVisible(recipientId);
        int n = jdbc.sql("DELETE FROM recipient_member WHERE id = ? AND recipient_id = ?")
                .params(memberId, recipientId)
                .update();
        if (n == 0) {
            throw new NotFoundException("家庭成员");
        }
        events.publishEvent(AuditEvent.success("RECIPIENT_MEMBER_REMOVE", "RECIPIENT", recipientId, path, null));
    }
}
