package org.socialmedia.devauth.token;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A token for any user name, without a password: {@code POST /dev/mint?username=user-4711}. Load
 * tests need thousands of distinct authors, and the per-user rate limit would throttle a handful.
 * It exists only when {@code app.devauth.mint-any-user=true}, which a development stack sets for
 * its benchmark and nothing else may: whoever reaches the port could act as anyone. Its tokens
 * never carry the admin scope.
 */
@RestController
@ConditionalOnBooleanProperty("app.devauth.mint-any-user")
class MintController {

    /** Within what the services accept as a user name (1 to 64 characters), and plain for a URL or a log line. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final DevTokens tokens;
    private final Issuer issuer;

    MintController(DevTokens tokens, Issuer issuer) {
        this.tokens = tokens;
        this.issuer = issuer;
    }

    @PostMapping(path = "/dev/mint", produces = MediaType.TEXT_PLAIN_VALUE)
    String mint(@RequestParam String username, HttpServletRequest request) {
        if (!USERNAME.matcher(username).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "username must match " + USERNAME.pattern());
        }
        return tokens.issue(issuer.of(request), username, Set.of("profile"));
    }
}
