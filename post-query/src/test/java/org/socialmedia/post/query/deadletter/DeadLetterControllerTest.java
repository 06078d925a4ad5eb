package org.socialmedia.post.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(controllers = DeadLetterController.class)
class DeadLetterControllerTest {

    private static final String REDRIVE = "/api/v1/admin/dead-letters/redrive";

    /** A token with the scope of the administration routes, as the resource server would have decoded it. */
    private static final RequestPostProcessor ADMIN = jwt().jwt(token -> token.claim("preferred_username", "admin"))
            .authorities(new SimpleGrantedAuthority("SCOPE_posts.admin"));

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    DeadLetterRedrive deadLetters;

    @Test
    void answersHowManyRecordsWereReDriven() {
        given(deadLetters.redrive()).willReturn(3L);

        assertThat(mvc.post().uri(REDRIVE).with(ADMIN)).hasStatus(HttpStatus.ACCEPTED)
                .bodyJson().isStrictlyEqualTo("{\"redriven\":3}");
    }

    @Test
    void aSecondReDriveWhileOneRunsIsAConflict() {
        given(deadLetters.redrive()).willThrow(new RedriveInProgressException());

        assertThat(mvc.post().uri(REDRIVE).with(ADMIN)).hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aBrokerThatDoesNotAnswerMakesItUnavailableForNow() {
        given(deadLetters.redrive()).willThrow(new RedriveFailedException("the broker did not acknowledge the re-driven records"));

        assertThat(mvc.post().uri(REDRIVE).with(ADMIN)).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.RETRY_AFTER, "1");
    }

    @Nested
    class Access {

        private void isRefusedWithTheBearerChallenge(MvcTestResult result, HttpStatus status) {
            assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
            assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
        }

        @Test
        void withoutATokenIs401() {
            isRefusedWithTheBearerChallenge(mvc.post().uri(REDRIVE).exchange(), HttpStatus.UNAUTHORIZED);
            verifyNoInteractions(deadLetters);
        }

        @Test
        void aTokenWithoutTheAdminScopeIs403() {
            isRefusedWithTheBearerChallenge(mvc.post().uri(REDRIVE)
                    .with(jwt().jwt(token -> token.claim("preferred_username", "alice"))).exchange(), HttpStatus.FORBIDDEN);
            isRefusedWithTheBearerChallenge(mvc.post().uri(REDRIVE)
                    .with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_posts.read"))).exchange(), HttpStatus.FORBIDDEN);
            verifyNoInteractions(deadLetters);
        }

        @Test
        void aTokenWithTheAdminScopeIsAccepted() {
            given(deadLetters.redrive()).willReturn(0L);

            assertThat(mvc.post().uri(REDRIVE).with(ADMIN)).hasStatus(HttpStatus.ACCEPTED);
        }

        @Test
        void theAdministrationStaysClosedWhileLookupsAreOpen() {
            assertThat(mvc.get().uri("/api/v1/admin/nothing-here")).hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(mvc.post().uri("/api/v1/admin/nothing-here").with(ADMIN)).hasStatus(HttpStatus.NOT_FOUND)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
