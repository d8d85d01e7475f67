package cn.sgz.org.internal;

import cn.sgz.org.CurrentUser;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own account: password change. */
@Service
public class AccountService {

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final SessionTerminator sessions;

    AccountService(
            UserAccountRepository users,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            SessionTerminator sessions) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
        this.sessions = sessions;
    }

    /**
     * Changes one's own password and signs out every other session of the account (a password is
     * changed because it may be known to someone else). {@code currentSessionId}: the session making
     * the change, which stays signed in; null for API calls, which end every session.
     */
    @Transactional
    public void changePassword(
            CurrentUser user, String oldPassword, String newPassword, String confirm, String currentSessionId) {
        UserAccount account = users.findById(user.id()).orElseThrow();
        if (oldPassword == null || !encoder.matches(oldPassword, account.getPasswordHash())) {
            throw BusinessException.field("oldPassword", "原密码不正确");
        }
        PasswordPolicy.check("newPassword", newPassword, account.getUsername());
        if (!newPassword.equals(confirm)) {
            throw BusinessException.field("confirmPassword", "两次输入的新密码不一致");
        }
        account.changePassword(encoder.encode(newPassword));
        int ended = sessions.endOtherSessions(account.getUsername(), currentSessionId);
        events.publishEvent(AuditEvent.success(
                "PASSWORD_CHANGE", "USER", user.id(), null, ended == 0 ? null : "已退出其他 " + ended + " 个登录会话"));
    }
}
