package cn.sgz.org;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Lets demo-data loaders act as a demo account, so that demo data goes through the same services,
 * scope checks and audit trail as a person's work. Restores whoever was signed in before.
 */
@Component
public class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final UserDetailsService users;

    DemoUsers(UserDetailsService users) {
        this.users = users;
    }

    /** Runs {@code work} signed in as {@code username}; false (and nothing run) when that account does not exist. */
    public boolean runAs(String username, Runnable work) {
        return callAs(username, () -> {
                    work.run();
                    return Boolean.TRUE;
                })
                != null;
    }

    /** Like {@link #runAs} with a result; null when the account does not exist. */
    public <T> T callAs(String username, Supplier<T> work) {
        UserDetails user;
        try {
            user = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            log.info("演示账号 {} 不存在，跳过相应演示数据", username);
            return null;
        }
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
