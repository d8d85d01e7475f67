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

    /**
     * The names to print for accounts: display (real) name by login name. A login name without an account, or an
     * account without a display name, maps to itself, so a document never shows an empty signer.
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> displayNames(Collection<String> usernames) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String u : new java.util.HashSet<>(usernames)) {
            if (u == null || u.isBlank()) {
                continue;
            }
            String name = users.findByUsername(u.strip())
                    .map(cn.sgz.org.internal.UserAccount::getDisplayName)
                    .filter(n -> n != null && !n.isBlank())
                    .orElse(u);
            out.put(u, name);
        }
        return out;
    }

    /** The display (real) name of one login name; the login name itself if there is none. */
    @Transactional(readOnly = true)
    public String displayName(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return displayNames(List.of(username)).get(username);
    }

    private static Account of(cn.sgz.org.internal.UserAccount u) {
        return new Account(
                u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.getOrgUnitId(), u.isEnabled());
    }
}
