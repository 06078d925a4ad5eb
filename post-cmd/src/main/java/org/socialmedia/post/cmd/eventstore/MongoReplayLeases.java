package org.socialmedia.post.cmd.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static org.socialmedia.post.cmd.eventstore.StoreUnavailableException.translated;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.post.cmd.replay.ReplayInProgressException;
import org.socialmedia.post.cmd.replay.ReplayLeases;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

/**
 * The replay lease as one document with a fixed {@code _id} in collection {@code leases}. Only
 * single-document atomicity is needed, as for the events: of several instances inserting the
 * lease, the primary key lets exactly one succeed; of several taking over an expired one, the
 * replace conditional on its expiry lets exactly one match, since the winner's lease no longer
 * has expired. Each acquisition holds a token of its own, so renewing and releasing never touch
 * a lease that another replay took over.
 *
 * <p>Expiry is judged by the instances' clocks, so the lease's time to live must dwarf their skew.
 *
 * <p>A replay that the store left without an answer (a lease taken while it did not answer, one
 * it could not release) leaves its token here: the lease may exist although no replay holds it,
 * and this instance knows as much. Its next replay takes such a lease over at once instead of
 * being refused until it expires; other instances wait for the expiry.
 */
class MongoReplayLeases implements ReplayLeases {

    private static final Logger log = LoggerFactory.getLogger(MongoReplayLeases.class);

    static final String COLLECTION = "leases";
    private static final String REPLAY = "replay";
    private static final String HOLDER = "holder";
    private static final String SCOPE = "scope";
    private static final String EXPIRES_AT = "expiresAt";

    private final MongoCollection<Document> leases;
    private final Duration timeToLive;
    private final Clock clock;
    private final Set<String> abandoned = ConcurrentHashMap.newKeySet();

    MongoReplayLeases(MongoCollection<Document> leases, Duration timeToLive, Clock clock) {
        this.leases = leases;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public Lease acquire(String scope) {
        String holder = UUID.randomUUID().toString();
        try {
            return translated(() -> acquireAs(holder, scope), StoreUnavailableException::replayNotDone);
        } catch (StoreUnavailableException e) {
            abandoned.add(holder);
            throw e;
        }
    }

    private Lease acquireAs(String holder, String scope) {
        Document lease = new Document(EventDocuments.ID, REPLAY).append(HOLDER, holder).append(SCOPE, scope)
                .append(EXPIRES_AT, expiryFrom(clock.instant()));
        Set<String> abandonedBefore = Set.copyOf(abandoned);
        // Goes round again only if the lease was released between the insert and the take-overs.
        while (!inserted(lease) && !tookOverExpired(lease) && !tookOverAbandoned(lease, abandonedBefore)) {
            Document held = leases.find(eq(EventDocuments.ID, REPLAY)).first();
            if (held != null) {
                throw new ReplayInProgressException(held.getString(SCOPE));
            }
        }
        // The lease is one document, so no lease of those tokens can be left now.
        abandoned.removeAll(abandonedBefore);
        return new HeldLease(holder);
    }

    private boolean inserted(Document lease) {
        try {
            leases.insertOne(lease);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** A holder that crashed no longer renews its lease; once it expired, the first to replace it wins. */
    private boolean tookOverExpired(Document lease) {
        return leases.replaceOne(and(eq(EventDocuments.ID, REPLAY), lt(EXPIRES_AT, Date.from(clock.instant()))), lease)
                .getMatchedCount() == 1;
    }

    /** A lease this instance abandoned holds no running replay, so it need not wait for the expiry. */
    private boolean tookOverAbandoned(Document lease, Set<String> abandonedHolders) {
        return !abandonedHolders.isEmpty()
                && leases.replaceOne(and(eq(EventDocuments.ID, REPLAY), in(HOLDER, abandonedHolders)), lease).getMatchedCount() == 1;
    }

    private Date expiryFrom(Instant now) {
        return Date.from(now.plus(timeToLive));
    }

    private final class HeldLease implements Lease {

        private final String holder;
        private Instant renewalDue;

        HeldLease(String holder) {
            this.holder = holder;
            this.renewalDue = nextRenewal(clock.instant());
        }

        /** Renews every third of the time to live, which leaves two thirds for a slow moment. */
        @Override
        public boolean keepAlive() {
            Instant now = clock.instant();
            if (now.isBefore(renewalDue)) {
                return true;
            }
            renewalDue = nextRenewal(now);
            return translated(() -> leases.updateOne(ownLease(), Updates.set(EXPIRES_AT, expiryFrom(now))),
                    StoreUnavailableException::replayNotDone).getMatchedCount() == 1;
        }

        /**
         * Releasing only spares the next replay the wait for the expiry, so a store that cannot be
         * reached does not fail a replay that is done: the lease is left to this instance's next
         * replay, or to its expiry.
         */
        @Override
        public void close() {
            try {
                leases.deleteOne(ownLease());
            } catch (MongoException e) {
                if (!StoreUnavailableException.meansUnavailable(e)) {
                    throw e;
                }
                abandoned.add(holder);
                log.warn("could not release the replay lease: this instance's next replay takes it over, others wait up to {}: {}",
                        timeToLive, e.toString());
            }
        }

        private Bson ownLease() {
            return and(eq(EventDocuments.ID, REPLAY), eq(HOLDER, holder));
        }

        private Instant nextRenewal(Instant now) {
            return now.plus(timeToLive.dividedBy(3));
        }
    }
}
