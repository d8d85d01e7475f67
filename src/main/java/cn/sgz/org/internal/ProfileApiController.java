package cn.sgz.org.internal;

import cn.sgz.org.CurrentUser;
import cn.sgz.org.ScopeService;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account over the API: who am I, password change, API tokens. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "个人中心")
class ProfileApiController {

    private final ScopeService scopes;
    private final AccountService accounts;
    private final ApiTokenService tokens;

    ProfileApiController(ScopeService scopes, AccountService accounts, ApiTokenService tokens) {
        this.scopes = scopes;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    record Me(CurrentUser user, List<String> scopePaths) {}

    record PasswordChange(String oldPassword, String newPassword, String confirmPassword) {}

    /** validDays: optional lifetime in days (1–3650); without it the token lives until revoked. */
    record TokenRequest(String name, Integer validDays) {}

    record TokenCreated(String name, String token, OffsetDateTime expiresAt) {}

    record TokenInfo(
            long id,
            String name,
            String prefix,
            OffsetDateTime createdAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt,
            OffsetDateTime expiresAt) {}

    @GetMapping
    Me me() {
        var scope = scopes.current();
        return new Me(scope.user(), scope.paths());
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange body, jakarta.servlet.http.HttpServletRequest request) {
        var session = request.getSession(false); // none when the call comes with an API token
        accounts.changePassword(
                scopes.currentUser(),
                body.oldPassword(),
                body.newPassword(),
                body.confirmPassword(),
                session == null ? null : session.getId());
    }

    @GetMapping("/tokens")
    List<TokenInfo> listTokens() {
        return tokens.list(scopes.currentUser()).stream()
                .map(t -> new TokenInfo(
                        t.getId(),
                        t.getName(),
                        t.getTokenPrefix(),
                        t.getCreatedAt(),
                        t.getLastUsedAt(),
                        t.getRevokedAt(),
                        t.getExpiresAt()))
                .toList();
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenCreated createToken(@RequestBody TokenRequest body) {
        String token = tokens.issue(scopes.currentUser(), body.name(), body.validDays());
        return new TokenCreated(
                body.name(),
                token,
                body.validDays() == null
                        ? null
                        : cn.sgz.shared.ChinaTime.offsetNow().plusDays(body.validDays()));
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable long id) {
        tokens.revoke(scopes.currentUser(), id);
    }
}
