package org.socialmedia.post.cmd.replay;

import static org.mockito.BDDMockito.given;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.domain.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(ReplayController.class)
class ReplayControllerTest {

    private static final UUID POST = UUID.fromString("4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReplayService replay;

    /** A token with the scope of the administration routes. */
    private static final RequestPostProcessor ADMIN =
            jwt().jwt(token -> token.claim("preferred_username", "admin")).authorities(new SimpleGrantedAuthority("SCOPE_posts.admin"));

    private static ResultActions isProblem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isString());
    }

    @Nested
    class Accepted {

        @Test
        void aReplayOfEveryPostAnswers202WithTheNumberOfEvents() throws Exception {
            given(replay.replayAll()).willReturn(42L);

            mvc.perform(post("/api/v1/admin/replay").with(ADMIN))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.events").value(42));
        }

        @Test
        void aReplayOfOnePostAnswers202WithTheNumberOfItsEvents() throws Exception {
            given(replay.replayPost(POST)).willReturn(7L);

            mvc.perform(post("/api/v1/admin/replay").param("postId", POST.toString()).with(ADMIN))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.events").value(7));
        }
    }

    @Nested
    class Access {

        @Test
        void withoutATokenIs401WithTheBearerChallenge() throws Exception {
            isProblem(mvc.perform(post("/api/v1/admin/replay")), 401)
                    .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
            verifyNoInteractions(replay);
        }

        @Test
        void aTokenWithoutTheAdminScopeIs403() throws Exception {
            isProblem(mvc.perform(post("/api/v1/admin/replay").with(jwt().jwt(token -> token.claim("preferred_username", "alice")))), 403)
                    .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
            isProblem(mvc.perform(post("/api/v1/admin/replay").param("postId", POST.toString())
                    .with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_posts.read")))), 403);
            verifyNoInteractions(replay);
        }

        @Test
        void aTokenWithTheAdminScopeIsAccepted() throws Exception {
            given(replay.replayAll()).willReturn(0L);

            mvc.perform(post("/api/v1/admin/replay").with(ADMIN)).andExpect(status().isAccepted());
        }
    }

    @Nested
    class Refused {

        @Test
        void anEmptyPostIdIs400RatherThanAReplayOfEveryPost() throws Exception {
            isProblem(mvc.perform(post("/api/v1/admin/replay").param("postId", "").with(ADMIN)), 400);
            verifyNoInteractions(replay);
        }

        @Test
        void aPostWithoutEventsIs404() throws Exception {
            given(replay.replayPost(POST)).willThrow(new AggregateNotFoundException("Post", POST));

            isProblem(mvc.perform(post("/api/v1/admin/replay").param("postId", POST.toString()).with(ADMIN)), 404);
        }

        @Test
        void aReplayWhileAnotherRunsIs409NamingWhatItReplays() throws Exception {
            given(replay.replayAll()).willThrow(new ReplayInProgressException("every post"));

            isProblem(mvc.perform(post("/api/v1/admin/replay").with(ADMIN)), 409)
                    .andExpect(jsonPath("$.detail").value("a replay of every post is running; ask again once it has finished"));
        }

        @Test
        void aReplayTheBrokerDidNotAcknowledgeIs503WithRetryAfter() throws Exception {
            given(replay.replayAll()).willThrow(new ReplayFailedException("broker unavailable", new RuntimeException()));

            isProblem(mvc.perform(post("/api/v1/admin/replay").with(ADMIN)), 503)
                    .andExpect(header().string("Retry-After", "1"));
        }
    }
}
