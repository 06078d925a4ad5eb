package org.socialmedia.post.cmd.replay;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(ReplayController.class)
class ReplayControllerTest {

    private static final UUID POST = UUID.fromString("4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReplayService replay;

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

            mvc.perform(post("/api/v1/admin/replay"))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.events").value(42));
        }

        @Test
        void aReplayOfOnePostAnswers202WithTheNumberOfItsEvents() throws Exception {
            given(replay.replayPost(POST)).willReturn(7L);

            mvc.perform(post("/api/v1/admin/replay").param("postId", POST.toString()))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.events").value(7));
        }
    }

    @Nested
    class Refused {

        @Test
        void anEmptyPostIdIs400RatherThanAReplayOfEveryPost() throws Exception {
            isProblem(mvc.perform(post("/api/v1/admin/replay").param("postId", "")), 400);
            verifyNoInteractions(replay);
        }

        @Test
        void aPostWithoutEventsIs404() throws Exception {
            given(replay.replayPost(POST)).willThrow(new AggregateNotFoundException("Post", POST));

            isProblem(mvc.perform(post("/api/v1/admin/replay").param("postId", POST.toString())), 404);
        }

        @Test
        void aReplayWhileAnotherRunsIs409NamingWhatItReplays() throws Exception {
            given(replay.replayAll()).willThrow(new ReplayInProgressException("every post"));

            isProblem(mvc.perform(post("/api/v1/admin/replay")), 409)
                    .andExpect(jsonPath("$.detail").value("a replay of every post is running; ask again once it has finished"));
        }

        @Test
        void aReplayTheBrokerDidNotAcknowledgeIs503WithRetryAfter() throws Exception {
            given(replay.replayAll()).willThrow(new ReplayFailedException("broker unavailable", new RuntimeException()));

            isProblem(mvc.perform(post("/api/v1/admin/replay")), 503)
                    .andExpect(header().string("Retry-After", "1"));
        }
    }
}
