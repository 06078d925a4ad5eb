package org.socialmedia.post.query.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class SnapshotReadsTest {

    /** Rolling back fails, as it does on a connection that broke during the transaction. */
    static final class BrokenConnection extends AbstractPlatformTransactionManager {

        @Nullable TransactionDefinition begun;
        boolean committed;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            begun = definition;
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed = true;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            throw new TransactionSystemException("Unable to rollback against JDBC Connection");
        }
    }

    private final BrokenConnection transactions = new BrokenConnection();
    private final SnapshotReads reads = new SnapshotReads(transactions);

    @Test
    void readsOnOneReadOnlyRepeatableReadTransactionAndCommitsIt() {
        assertThat(reads.read(() -> "the rows")).isEqualTo("the rows");

        assertThat(transactions.begun).isNotNull().satisfies(definition -> {
            assertThat(definition.isReadOnly()).isTrue();
            assertThat(definition.getIsolationLevel()).isEqualTo(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        });
        assertThat(transactions.committed).isTrue();
    }

    /** The statement's failure says the database is unavailable (503); the rollback's would not (500). */
    @Test
    void reportsTheFailedStatementNotTheRollbackThatFailedAfterIt() {
        DataAccessResourceFailureException unavailable = new DataAccessResourceFailureException("An I/O error occurred");

        assertThatThrownBy(() -> reads.read(() -> {
            throw unavailable;
        })).isSameAs(unavailable);
        assertThat(unavailable.getSuppressed()).singleElement().isInstanceOf(TransactionSystemException.class);
        assertThat(transactions.committed).isFalse();
    }
}
