package org.socialmedia.post.query.lookup;

import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs several statements on one snapshot of the read model (repeatable read, read-only), for
 * the lookups that must read more than one statement's worth: a post's row with its comments,
 * a page with the posts on it.
 *
 * <p>When a statement fails, its failure is the one reported. The usual reason is a connection
 * that broke (the database stopped, or stopped answering): rolling back on it fails too, and a
 * {@code TransactionTemplate} would report only that, a failure that no longer says the database
 * is unavailable, and the lookup would answer 500 instead of 503.
 */
class SnapshotReads {

    private final PlatformTransactionManager transactions;
    private final DefaultTransactionDefinition repeatableRead = new DefaultTransactionDefinition();

    SnapshotReads(PlatformTransactionManager transactions) {
        this.transactions = transactions;
        repeatableRead.setReadOnly(true);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    <T> T read(Supplier<T> statements) {
        TransactionStatus snapshot = transactions.getTransaction(repeatableRead);
        T read;
        try {
            read = statements.get();
        } catch (RuntimeException | Error failure) {
            rollBackAfter(failure, snapshot);
            throw failure;
        }
        transactions.commit(snapshot);
        return read;
    }

    private void rollBackAfter(Throwable failure, TransactionStatus snapshot) {
        try {
            transactions.rollback(snapshot);
        } catch (RuntimeException | Error rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
