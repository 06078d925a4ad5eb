package org.socialmedia.post.cmd.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.mongodb.MongoException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;

class StoreUnavailableExceptionTest {

    private static final UUID POST = UUID.randomUUID();

    @Test
    void aTimedOutAppendIsA503ThatClaimsNoOutcome() {
        assertThatThrownBy(() -> StoreUnavailableException.translated(() -> {
            throw new MongoOperationTimeoutException("Timeout while receiving message");
        }, cause -> StoreUnavailableException.outcomeUnknown(POST, 4, cause)))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
                    assertThat(e.getBody().getDetail()).contains("version 4 of post " + POST, "may or may not be stored",
                            "If-Match: \"3\"");
                    assertThat(e.getBody().getProperties()).containsEntry("postId", POST).containsEntry("version", 4L);
                });
    }

    @Test
    void aNewPostWhoseAppendTimedOutMayExistUnderItsId() {
        StoreUnavailableException unknown = StoreUnavailableException.outcomeUnknown(POST, 1, new MongoOperationTimeoutException("late"));

        assertThat(unknown.getBody().getDetail()).contains("post " + POST + " may or may not be created").doesNotContain("If-Match");
    }

    @Test
    void aReadThatGotNoAnswerChangedNothing() {
        assertThatThrownBy(() -> StoreUnavailableException.translated(() -> {
            throw new MongoSocketReadTimeoutException("no answer", new ServerAddress(), null);
        }, StoreUnavailableException::nothingChanged))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("nothing was changed");
    }

    @Test
    void aRefusalOfTheCallStaysWhatItIs() {
        MongoException refused = new MongoException(2, "BadValue");

        assertThatThrownBy(() -> StoreUnavailableException.translated(() -> {
            throw refused;
        }, StoreUnavailableException::nothingChanged)).isSameAs(refused);
    }
}
