package org.socialmedia.post.cmd.eventstore;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.socialmedia.post.common.web.RetryLaterException;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;

/**
 * MongoDB could not be reached or did not answer in time: 503, try again. The one place that
 * tells such a failure from a refusal of the call (a duplicate key, a malformed query), which
 * stays what it is.
 *
 * <p>What the client is told depends on what the call was. A read changed nothing. A write that
 * timed out may still be applied: the request can sit in a frozen server's socket and be
 * executed when it thaws, after this service gave up on it. So the answer to an append claims no
 * outcome, names the version it tried to store, and points to the retry that is safe either way.
 */
final class StoreUnavailableException extends RetryLaterException {

    private StoreUnavailableException(String detail, MongoException cause) {
        super(detail, cause);
    }

    /**
     * Runs a call to MongoDB and turns a failure that means the store is unavailable into the
     * answer {@code unavailable} makes of it; any other failure is thrown as it is.
     */
    static <T> T translated(Supplier<T> call, Function<MongoException, StoreUnavailableException> unavailable) {
        try {
            return call.get();
        } catch (MongoException e) {
            if (meansUnavailable(e)) {
                throw unavailable.apply(e);
            }
            throw e;
        }
    }

    static boolean meansUnavailable(MongoException e) {
        return e instanceof MongoTimeoutException // no server in time, or the call's budget ran out (MongoOperationTimeoutException)
                || e instanceof MongoSocketException // refused, reset, or no answer within the read timeout
                || e instanceof MongoExecutionTimeoutException // the server stopped the call at its maxTimeMS
                || e instanceof MongoNotPrimaryException || e instanceof MongoNodeIsRecoveringException // an election
                || e instanceof MongoConnectionPoolClearedException || e instanceof MongoServerUnavailableException
                || e instanceof MongoWriteConcernException; // applied by the primary, its replication not confirmed
    }

    /** A read failed: nothing was changed. */
    static StoreUnavailableException nothingChanged(MongoException cause) {
        return new StoreUnavailableException("The event store did not answer in time, so nothing was changed. Try again.", cause);
    }

    /** An append failed: the event may or may not be stored, now or once the store answers again. */
    static StoreUnavailableException outcomeUnknown(UUID postId, long version, MongoException cause) {
        String detail = version == 1
                ? ("The event store did not confirm the new post in time: post %s may or may not be created, and may still "
                + "appear once the store answers again. Look it up before creating it again.").formatted(postId)
                : ("The event store did not confirm the change in time: version %d of post %s may or may not be stored, and "
                + "may still appear once the store answers again. Sending the command again with If-Match: \"%d\" is safe: "
                + "if the first one was stored, the answer is 412 with the post's current version.").formatted(version, postId, version - 1);
        StoreUnavailableException unknown = new StoreUnavailableException(detail, cause);
        unknown.getBody().setProperty("postId", postId);
        unknown.getBody().setProperty("version", version);
        return unknown;
    }

    /** The replay lease could not be taken, renewed or released: the replay did not run, or did not finish. */
    static StoreUnavailableException replayNotDone(MongoException cause) {
        return new StoreUnavailableException("The event store did not answer in time, so the replay did not run to its end. "
                + "Ask again later; a replay lease it may have left behind expires on its own.", cause);
    }
}
