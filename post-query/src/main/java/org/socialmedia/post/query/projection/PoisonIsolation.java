package org.socialmedia.post.query.projection;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch in all-or-nothing transactions and, when one fails because of poison, finds
 * the record that fails on its own, so that it alone is held back and not the whole batch.
 *
 * <p>A failing run is split in halves and the left half is tried before the right one, so the
 * runs that succeed are committed in the batch's order, and the search stops at the first
 * record that fails by itself: every record before it is applied, none after it is.
 * That is what a Kafka error handler needs to commit the offsets before the record and resume
 * from it, with nothing applied out of order. A batch with one poison record among n costs
 * about 2·log2(n) transactions; a batch without poison costs one.
 *
 * <p>A failure that is not poison (an outage) ends the search at once: the run that failed is
 * where the batch resumes. A run that fails as a whole while both its halves succeed on their
 * own is thereby applied entirely: there is no record to blame.
 *
 * @param <R> the records
 * @param <O> what a committed transaction reports
 */
final class PoisonIsolation<R, O> {

    /** The record at {@code index} failed for {@code cause}; every record before it is applied. */
    record Failure(int index, RuntimeException cause) {
    }

    private static final Logger log = LoggerFactory.getLogger(PoisonIsolation.class);

    private final Function<List<R>, O> transaction;
    private final Consumer<O> committed;
    private final Predicate<Throwable> isPoison;

    /**
     * @param transaction applies consecutive records in one transaction, and throws if it rolled back
     * @param committed   told of each committed transaction, in order; a failure there is not the
     *                    records' fault, so it is passed on rather than searched
     * @param isPoison    whether a failure of the transaction is due to a record's content
     */
    PoisonIsolation(Function<List<R>, O> transaction, Consumer<O> committed, Predicate<Throwable> isPoison) {
        this.transaction = transaction;
        this.committed = committed;
        this.isPoison = isPoison;
    }

    /** @return the failure that stopped the batch, empty if all of it is applied */
    Optional<Failure> apply(List<R> batch) {
        return batch.isEmpty() ? Optional.empty() : apply(batch, 0, batch.size());
    }

    private Optional<Failure> apply(List<R> batch, int from, int to) {
        O outcome;
        try {
            outcome = transaction.apply(batch.subList(from, to));
        } catch (RuntimeException failure) {
            return search(batch, from, to, failure);
        }
        committed.accept(outcome);
        return Optional.empty();
    }

    private Optional<Failure> search(List<R> batch, int from, int to, RuntimeException failure) {
        if (to - from == 1 || !isPoison.test(failure)) {
            return Optional.of(new Failure(from, failure));
        }
        int middle = (from + to) >>> 1;
        Optional<Failure> found = apply(batch, from, middle).or(() -> apply(batch, middle, to));
        if (found.isEmpty()) {
            log.warn("{} records failed together but each half applied on its own; all are applied", to - from, failure);
        }
        return found;
    }
}
