package org.socialmedia.post.query.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.dispatch.QueryDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Who may read: anyone by default, a bearer token's holder once {@code app.security.public-reads=false}. */
@WebMvcTest(controllers = PostLookupController.class)
@Import(ShortVersionWaits.class)
class PostLookupAccessTest {

    private static final UUID POST_ID = UUID.fromString("4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60");
    private static final PostDetails POST = new PostDetails(POST_ID, "alice", "hello", Instant.parse("2026-11-22T14:00:00Z"),
            0, 1, List.of());

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    QueryDispatcher queries;

    private void aPostIsThere() {
        given(queries.dispatch(new FindPostByIdQuery(POST_ID))).willReturn(Optional.of(POST));
    }

    @Nested
    class PublicByDefault {

        @Test
        void anAnonymousClientReadsAPost() {
            aPostIsThere();

            assertThat(mvc.get().uri("/api/v1/posts/{id}", POST_ID)).hasStatusOk();
        }

        @Test
        void aClientWithATokenReadsToo() {
            aPostIsThere();

            assertThat(mvc.get().uri("/api/v1/posts/{id}", POST_ID).with(jwt())).hasStatusOk();
        }

        @Test
        void anAnonymousClientsUnknownRouteStaysA404() {
            assertThat(mvc.get().uri("/api/v1/nothing-here")).hasStatus(HttpStatus.NOT_FOUND)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        void anAnonymousClientsInvalidParameterStaysA400() {
            assertThat(mvc.get().uri("/api/v1/posts?minLikes=many")).hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Nested
    @TestPropertySource(properties = "app.security.public-reads=false")
    class PrivateWhenConfigured {

        @Test
        void aLookupWithoutATokenIs401WithTheBearerChallenge() {
            MvcTestResult result = mvc.get().uri("/api/v1/posts/{id}", POST_ID).exchange();

            assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
            assertThat(mvc.get().uri("/api/v1/posts")).hasStatus(HttpStatus.UNAUTHORIZED);
            verifyNoInteractions(queries);
        }

        @Test
        void aLookupWithATokenIsAnswered() {
            aPostIsThere();

            assertThat(mvc.get().uri("/api/v1/posts/{id}", POST_ID).with(jwt().jwt(token -> token.claim("preferred_username", "bob"))))
                    .hasStatusOk();
        }

        @Test
        void aPreflightNeedsNoToken() {
            assertThat(mvc.options().uri("/api/v1/posts/{id}", POST_ID)
                    .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization"))
                    .hasStatusOk()
                    .headers().hasValue(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "authorization");
        }

        @Test
        void anInvalidParameterWithATokenIsStillA400() {
            assertThat(mvc.get().uri("/api/v1/posts?minLikes=many").with(jwt())).hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
