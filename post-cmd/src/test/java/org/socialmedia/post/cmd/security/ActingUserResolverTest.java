package org.socialmedia.post.cmd.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;

class ActingUserResolverTest {

    private final ActingUserResolver resolver = new ActingUserResolver("email");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private ActingUser resolved(Authentication authentication) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(authentication);
        MethodParameter parameter = new MethodParameter(getClass().getDeclaredMethod("takes", ActingUser.class), 0);
        assertThat(resolver.supportsParameter(parameter)).isTrue();
        return resolver.resolveArgument(parameter, null, null, null);
    }

    @SuppressWarnings("unused")
    private void takes(ActingUser user) {
    }

    private static Jwt jwt(String... claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("a1b2").issuedAt(Instant.now());
        for (int i = 0; i < claims.length; i += 2) {
            jwt.claim(claims[i], claims[i + 1]);
        }
        return jwt.build();
    }

    @Test
    void theConfiguredClaimNamesTheUser() throws Exception {
        assertThat(resolved(new JwtAuthenticationToken(jwt("email", "erin@example.test", "preferred_username", "erin"), List.of())))
                .isEqualTo(new ActingUser("erin@example.test"));
    }

    @Test
    void withoutTheClaimTheSubjectNamesTheUser() throws Exception {
        assertThat(resolved(new JwtAuthenticationToken(jwt(), List.of()))).isEqualTo(new ActingUser("a1b2"));
        assertThat(resolved(new JwtAuthenticationToken(jwt("email", " "), List.of()))).isEqualTo(new ActingUser("a1b2"));
    }

    @Test
    void anotherKindOfAuthenticationIsTakenByItsName() throws Exception {
        assertThat(resolved(new TestingAuthenticationToken("frank", "secret", "ROLE_USER"))).isEqualTo(new ActingUser("frank"));
    }

    @Test
    void aNameIsConfirmedInEitherUnicodeFormAndAnotherIsRefused() {
        ActingUser user = new ActingUser("Jos\u00e9");

        user.confirm("author", "Jose\u0301");
        user.confirm("author", null);
        assertThatThrownBy(() -> user.confirm("author", "jose"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(403);
                    assertThat(e.getBody().getProperties()).containsKey("errors");
                });
    }
}
