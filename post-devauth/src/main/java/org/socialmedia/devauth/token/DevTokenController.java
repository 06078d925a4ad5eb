package org.socialmedia.devauth.token;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.socialmedia.devauth.users.AdminScope;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A token for curl, for a user who gives their password:
 * {@code TOKEN=$(curl -s -u alice:alice -X POST localhost:9000/dev/token)}. The authorization code
 * flow needs a browser; OAuth 2.1 has no password grant any more, and Spring Authorization Server
 * none at all, so this endpoint stands in for it in development only.
 */
@RestController
class DevTokenController {

    /** What a token carries when no scope is asked for; the admin scope stays for admins only. */
    static final List<String> DEFAULT_SCOPES = List.of("profile", AdminScope.NAME);

    private final DevTokens tokens;
    private final Issuer issuer;

    DevTokenController(DevTokens tokens, Issuer issuer) {
        this.tokens = tokens;
        this.issuer = issuer;
    }

    /** {@code scope}: space-separated, as in OAuth; scopes the user may not have are left out. */
    @PostMapping(path = "/dev/token", produces = MediaType.TEXT_PLAIN_VALUE)
    String token(Authentication user, @RequestParam(required = false) @Nullable String scope,
                 HttpServletRequest request) {
        List<String> requested = scope == null || scope.isBlank() ? DEFAULT_SCOPES
                : Arrays.stream(scope.trim().split("\\s+")).toList();
        return tokens.issue(issuer.of(request), user.getName(), AdminScope.grantable(requested, user.getAuthorities()));
    }
}
