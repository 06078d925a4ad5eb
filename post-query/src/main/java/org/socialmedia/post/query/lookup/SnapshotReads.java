package org.socialmedia.post.query.lookup;

import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs several statements on one snapshot of the read model (repeatable read, read-only), for
 * the lookups that must read more than one statement's worth: a post's row with its comments,
 * a page with the posts on it.
 */
class SnapshotReads {

    private final TransactionTemplate repeatableRead;

    SnapshotReads(PlatformTransactionManager transactions) {
        this.repeatableRead = new TransactionTemplate(transactions);
        repeatableRead.setReadOnly(true);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    <T> T read(Supplier<T> statements) {
        return repeatableRead.execute(status -> statements.get());
    }
}
