package org.socialmedia.post.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialmedia.post.common.wire.MalformedEventException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class PoisonRecordsTest {

    /** What the listener container hands the error handler when the projection's SQL failed. */
    private static Exception failedBatch(SQLException sql) {
        RuntimeException translated = new SQLStateSQLExceptionTranslator().translate("batch update", "insert into post", sql);
        return new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("projection failed", translated, 0));
    }

    @Nested
    class Poison {

        @Test
        void aMalformedEventIsPoisonHoweverDeeplyItIsWrapped() {
            Exception failure = new ListenerExecutionFailedException("listener failed",
                    new BatchListenerFailedException("bad record", new MalformedEventException("unknown event type 'X'"), 3));

            assertThat(PoisonRecords.isPoison(failure)).isTrue();
            assertThat(PoisonRecords.reason(failure)).isEqualTo("unknown event type 'X'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"22021", "22001", "22P02", "22007", "23505", "23502", "23503", "23514"})
        void dataTheDatabaseRefusesIsPoison(String sqlState) {
            assertThat(PoisonRecords.isPoison(failedBatch(new SQLException("ERROR: refused", sqlState)))).isTrue();
        }

        @Test
        void theReasonIsTheServersOwnWordsFromTheBatchsNextException() {
            BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into post ... was aborted", "22021",
                    new int[0]);
            batch.setNextException(new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

            Exception failure = failedBatch(batch);

            assertThat(PoisonRecords.isPoison(failure)).isTrue();
            assertThat(PoisonRecords.reason(failure)).isEqualTo(
                    "refused by the database (SQLState 22021): ERROR: invalid byte sequence for encoding \"UTF8\": 0x00");
        }

        @Test
        void aMappingErrorOfTheProjectionsOwnCodeIsPoison() {
            assertThat(PoisonRecords.isPoison(thrown(() -> UUID.fromString("not a uuid")))).isTrue();
            assertThat(PoisonRecords.isPoison(thrown(() -> Objects.requireNonNull(null, "commentId")))).isTrue();
            assertThat(PoisonRecords.isPoison(thrown(() -> Instant.ofEpochSecond(Long.MAX_VALUE)))).isTrue();
            assertThat(PoisonRecords.isPoison(thrown(() -> {
                throw new IllegalStateException("no projection for PostShared");
            }))).isTrue();
            assertThat(PoisonRecords.reason(thrown(() -> Objects.requireNonNull(null, "commentId"))))
                    .isEqualTo("cannot be projected: java.lang.NullPointerException: commentId");
        }
    }

    @Nested
    class Outage {

        @ParameterizedTest
        @ValueSource(strings = {"08000", "08001", "08006", "53100", "53200", "53300", "57014", "57P01", "57P03", "58030",
                "XX000", "40001", "40P01", "55P03"})
        void aFailureOfTheInfrastructureIsNotPoison(String sqlState) {
            assertThat(PoisonRecords.isPoison(failedBatch(new SQLException("ERROR: trouble", sqlState)))).isFalse();
        }

        @Test
        void transientAndRecoverableJdbcFailuresAreNotPoison() {
            assertThat(PoisonRecords.isPoison(new SQLTransientConnectionException("pool exhausted"))).isFalse();
            assertThat(PoisonRecords.isPoison(new SQLTimeoutException("too slow"))).isFalse();
            assertThat(PoisonRecords.isPoison(new SQLRecoverableException("connection reset"))).isFalse();
        }

        @Test
        void springsTransientRecoverableAndResourceFailuresAreNotPoison() {
            assertThat(PoisonRecords.isPoison(new TransientDataAccessResourceException("busy"))).isFalse();
            assertThat(PoisonRecords.isPoison(new QueryTimeoutException("statement timeout"))).isFalse();
            assertThat(PoisonRecords.isPoison(new CannotAcquireLockException("lock not available"))).isFalse();
            assertThat(PoisonRecords.isPoison(new RecoverableDataAccessException("retry me"))).isFalse();
            assertThat(PoisonRecords.isPoison(new DataAccessResourceFailureException("I/O error"))).isFalse();
            assertThat(PoisonRecords.isPoison(new CannotGetJdbcConnectionException("no connection"))).isFalse();
        }

        @Test
        void aTransactionThatCannotBeginIsNotPoison() {
            Exception failure = new BatchListenerFailedException("projection failed",
                    new CannotCreateTransactionException("no connection", new ConnectException("refused")), 0);

            assertThat(PoisonRecords.isPoison(failure)).isFalse();
        }

        @Test
        void anIoErrorIsNotPoison() {
            assertThat(PoisonRecords.isPoison(new UncheckedIOException(new EOFException("connection closed")))).isFalse();
        }

        @Test
        void winsOverADataErrorInTheSameFailure() {
            SQLException refused = new SQLException("ERROR: invalid byte sequence", "22021");
            refused.setNextException(new SQLException("An I/O error occurred while sending to the backend", "08006"));

            assertThat(PoisonRecords.isPoison(failedBatch(refused))).isFalse();
        }
    }

    @Nested
    class Unknown {

        @ParameterizedTest
        @ValueSource(strings = {"42P01", "42703", "42501", "54000", "0A000"})
        void aFailureThatWouldFailEveryRecordIsNotPoison(String sqlState) {
            assertThat(PoisonRecords.isPoison(failedBatch(new SQLException("ERROR: relation \"post\" does not exist",
                    sqlState)))).isFalse();
        }

        @Test
        void aMappingErrorFromInsideSpringDataAccessIsNotPoison() {
            assertThat(PoisonRecords.isPoison(thrown(() -> new JdbcTemplate().afterPropertiesSet()))).isFalse();
        }

        @Test
        void aMappingErrorWrappedAsADataAccessFailureIsNotPoison() {
            assertThat(PoisonRecords.isPoison(new InvalidDataAccessApiUsageException("bad call",
                    thrown(() -> UUID.fromString("not a uuid"))))).isFalse();
        }

        @Test
        void anyOtherFailureIsNotPoison() {
            assertThat(PoisonRecords.isPoison(new RuntimeException("boom"))).isFalse();
            assertThat(PoisonRecords.isPoison(new DataIntegrityViolationException("no SQLState to go by"))).isFalse();
        }
    }

    private static RuntimeException thrown(Runnable mapping) {
        try {
            mapping.run();
        } catch (RuntimeException failure) {
            return failure;
        }
        throw new AssertionError("expected a failure");
    }
}
