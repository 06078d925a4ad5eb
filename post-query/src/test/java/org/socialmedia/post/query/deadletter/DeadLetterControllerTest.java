package org.socialmedia.post.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = DeadLetterController.class)
class DeadLetterControllerTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    DeadLetterRedrive deadLetters;

    @Test
    void answersHowManyRecordsWereReDriven() {
        given(deadLetters.redrive()).willReturn(3L);

        assertThat(mvc.post().uri("/api/v1/admin/dead-letters/redrive")).hasStatus(HttpStatus.ACCEPTED)
                .bodyJson().isStrictlyEqualTo("{\"redriven\":3}");
    }

    @Test
    void aSecondReDriveWhileOneRunsIsAConflict() {
        given(deadLetters.redrive()).willThrow(new RedriveInProgressException());

        assertThat(mvc.post().uri("/api/v1/admin/dead-letters/redrive")).hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aBrokerThatDoesNotAnswerMakesItUnavailableForNow() {
        given(deadLetters.redrive()).willThrow(new RedriveFailedException("the broker did not acknowledge the re-driven records"));

        assertThat(mvc.post().uri("/api/v1/admin/dead-letters/redrive")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.RETRY_AFTER, "1");
    }
}
