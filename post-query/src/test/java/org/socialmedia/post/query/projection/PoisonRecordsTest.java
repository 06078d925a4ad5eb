package org.socialmedia.post.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.socialmedia.post.common.wire.MalformedEventException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class PoisonRecordsTest {

    @Test
    void aMalformedEventIsPoisonHoweverDeeplyItIsWrapped() {
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("bad record", new MalformedEventException("unknown event type 'X'"), 3));

        assertThat(PoisonRecords.isPoison(failure)).isTrue();
        assertThat(PoisonRecords.reason(failure)).isEqualTo("unknown event type 'X'");
    }

    @Test
    void aDatabaseOutageIsNotPoison() {
        Exception failure = new BatchListenerFailedException("projection failed",
                new CannotCreateTransactionException("no connection", new ConnectException("refused")), 0);

        assertThat(PoisonRecords.isPoison(failure)).isFalse();
    }

    @Test
    void aLostConnectionIsNotPoison() {
        assertThat(PoisonRecords.isPoison(new DataAccessResourceFailureException("I/O error"))).isFalse();
    }
}
