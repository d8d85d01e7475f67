package cn.sgz.org;

import cn.sgz.org.internal.UserAccountRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as other modules may name them (e.g. the members of an evaluation team): id, name, role and
 * unit, never a password hash or a phone. Callers decide whether the current user may pick the account.
 */
@Service
public class AccountLookup {

    private final UserAccountRepository users;

    AccountLookup(UserAccountRepository users) {
        this.users = users;
    }

    public record Account(long id, String username, String displayName, Role role, Long orgUnitId, boolean enabled) {}

    @Transactional(readOnly = true)
    public Optional<Account> byUsername(String username) {
        return username == null
                ? Optional.empty()
                : users.findByUsername(username.strip()).map(AccountLookup::of);
    }

    @Transactional(readOnly = true)
    public List<Account> byIds(Collection<Long> ids) {
        return users.findAllById(ids).stream().map(AccountLookup::of).toList();
    }

    private static Account of(cn.sgz.org.internal.UserAccount u) {
        return new Account(
                u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.getOrgUnitId(), u.isEnabled());
    }
}
