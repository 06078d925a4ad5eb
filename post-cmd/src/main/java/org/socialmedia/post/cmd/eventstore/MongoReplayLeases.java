package org.socialmedia.post.cmd.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static org.socialmedia.post.cmd.eventstore.StoreUnavailableException.translated;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

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

    MongoReplayLeases(MongoCollection<Document> leases, Duration timeToLive, Clock clock) {
        this.leases = leases;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public Lease acquire(String scope) {
        return translated(() -> acquireFor(scope), StoreUnavailableException::replayNotDone);
    }

    private Lease acquireFor(String scope) {
        String holder = UUID.randomUUID().toString();
        Document lease = new Document(EventDocuments.ID, REPLAY).append(HOLDER, holder).append(SCOPE, scope)
                .append(EXPIRES_AT, expiryFrom(clock.instant()));
        // Goes round again only if the lease was released between the insert and the take-over.
        while (!inserted(lease) && !tookOverExpired(lease)) {
            Document held = leases.find(eq(EventDocuments.ID, REPLAY)).first();
            if (held != null) {
                throw new ReplayInProgressException(held.getString(SCOPE));
            }
        }
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
         * reached does not fail a replay that is done: the lease then expires on its own.
         */
        @Override
        public void close() {
            try {
                leases.deleteOne(ownLease());
            } catch (MongoException e) {
                if (!StoreUnavailableException.meansUnavailable(e)) {
                    throw e;
                }
                log.warn("could not release the replay lease, it expires within {}: {}", timeToLive, e.toString());
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
