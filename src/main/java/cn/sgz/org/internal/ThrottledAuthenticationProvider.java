package cn.sgz.org.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Form login with throttling decided before the password is checked: a request must first take one
 * of the account's attempts in a single atomic UPDATE (see {@link LoginThrottle#reserve}) and one of
 * its address's (see {@link IpLoginThrottle}). Parallel guesses therefore cannot overrun the limit,
 * and a locked account is refused even with the right password. Every refusal looks the same to the
 * person at the login page.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final IpLoginThrottle ips;

    ThrottledAuthenticationProvider(
            AccountDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle, IpLoginThrottle ips) {
        this.delegate = new DaoAuthenticationProvider(accounts);
        this.delegate.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.ips = ips;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        if (!ips.allowed(ip)) {
            throw new LockedException("too many failed logins from this address");
        }
        if (throttle.reserve(authentication.getName()) == LoginThrottle.Reservation.LOCKED) {
            throw new LockedException("account locked");
        }
        try {
            return delegate.authenticate(authentication);
        } catch (RuntimeException e) {
            ips.failed(ip);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
