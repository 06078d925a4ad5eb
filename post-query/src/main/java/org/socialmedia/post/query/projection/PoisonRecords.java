package org.socialmedia.post.query.projection;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.socialmedia.post.common.wire.MalformedEventException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * Tells poison from trouble. Poison is a record whose content can never be applied, however often
 * it is retried: it is retried a few times, then goes to the dead-letter topic, alone. Trouble is
 * everything else: it says nothing about the record, so it is retried for as long as it lasts and
 * never skipped. Skipping a good event corrupts the read model for good; retrying a bad one only
 * delays its partition. So only a failure that points at the record's content is poison:
 *
 * <ul>
 *   <li><b>Poison</b>: a record that is not a post event ({@link MalformedEventException}); an
 *       SQLState of class 22 (data exception, such as a NUL character that PostgreSQL text cannot
 *       hold) or 23 (integrity constraint violation), because the database refuses these values
 *       and will refuse them again; and a mapping error ({@link IllegalArgumentException},
 *       {@link IllegalStateException}, {@link NullPointerException}, {@link ClassCastException},
 *       {@link DateTimeException}) thrown by this application's code, with no data access involved,
 *       because the projection's own code fails on the same event the same way every time.</li>
 *   <li><b>Outage</b>: anything about the infrastructure: SQLState classes 08 (connection), 40
 *       (rollback, deadlock, serialization), 53 (insufficient resources), 57 (operator intervention:
 *       statement timeout, shutdown), 58 and XX (system errors), lock not available (55P03);
 *       {@link SQLTransientException}, {@link SQLRecoverableException}, Spring's transient,
 *       recoverable and resource-failure exceptions, a transaction that cannot begin, I/O errors.
 *       These pass once the infrastructure is back.</li>
 *   <li><b>Unknown</b> failures are trouble too: a missing table (class 42), a mapping error from
 *       inside JDBC or Spring, any other exception. They most likely fail every record, and
 *       dead-lettering every record is the one outcome that cannot be undone; a stalled, visibly
 *       failing projection can be fixed and then catches up on its own.</li>
 * </ul>
 *
 * Where a failure carries both, the outage wins, for the same reason. The whole cause chain is
 * read, including the next exceptions of a JDBC batch, which carry the server's own words.
 */
public final class PoisonRecords {

    /** Header of a dead-lettered record that says, in words, why it was refused. */
    public static final String REASON_HEADER = "dlt-reason";

    private static final Set<String> REFUSED_DATA_CLASSES = Set.of("22", "23");
    private static final Set<String> OUTAGE_CLASSES = Set.of("08", "40", "53", "57", "58", "XX");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final List<Class<? extends RuntimeException>> MAPPING_ERRORS = List.of(IllegalArgumentException.class,
            IllegalStateException.class, NullPointerException.class, ClassCastException.class, DateTimeException.class);
    private static final String OWN_CODE = "org.socialmedia.";
    private static final List<String> DATA_ACCESS_CODE = List.of("org.springframework.jdbc.", "org.springframework.dao.",
            "org.springframework.transaction.", "org.springframework.orm.", "java.sql.", "javax.sql.", "org.postgresql.",
            "com.zaxxer.hikari.", "org.hibernate.");

    private PoisonRecords() {
    }

    public static boolean isPoison(Throwable failure) {
        return poisonReason(failure).isPresent();
    }

    public static String reason(Throwable failure) {
        return poisonReason(failure).orElseGet(() -> String.valueOf(failure.getMessage()));
    }

    private static Optional<String> poisonReason(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(PoisonRecords::isOutage)) {
            return Optional.empty();
        }
        return malformed(chain).or(() -> refusedByTheDatabase(chain)).or(() -> ownMappingError(chain));
    }

    private static Optional<String> malformed(List<Throwable> chain) {
        return chain.stream().filter(MalformedEventException.class::isInstance).findFirst()
                .map(malformed -> String.valueOf(malformed.getMessage()));
    }

    private static Optional<String> refusedByTheDatabase(List<Throwable> chain) {
        // The last one is the most specific: a JDBC batch's next exception holds the server's own words.
        return chain.stream()
                .filter(cause -> cause instanceof SQLException sql && stateClassIn(sql, REFUSED_DATA_CLASSES))
                .map(SQLException.class::cast)
                .reduce((first, second) -> second)
                .map(refusal -> "refused by the database (SQLState " + refusal.getSQLState() + "): " + refusal.getMessage());
    }

    private static Optional<String> ownMappingError(List<Throwable> chain) {
        if (chain.stream().anyMatch(PoisonRecords::isDataAccess)) {
            return Optional.empty();
        }
        return chain.stream().filter(PoisonRecords::isOwnMappingError).findFirst().map(error -> "cannot be projected: " + error);
    }

    private static boolean isOutage(Throwable cause) {
        if (cause instanceof SQLException sql
                && (stateClassIn(sql, OUTAGE_CLASSES) || LOCK_NOT_AVAILABLE.equals(sql.getSQLState()))) {
            return true;
        }
        return cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                || cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                || cause instanceof IOException;
    }

    private static boolean stateClassIn(SQLException sql, Set<String> classes) {
        String state = sql.getSQLState();
        return state != null && state.length() == 5 && classes.contains(state.substring(0, 2));
    }

    private static boolean isDataAccess(Throwable cause) {
        return cause instanceof DataAccessException || cause instanceof TransactionException || cause instanceof SQLException;
    }

    /** Thrown by this application's code, not by the JDBC or Spring code it calls (which may be broken as a whole). */
    private static boolean isOwnMappingError(Throwable cause) {
        if (MAPPING_ERRORS.stream().noneMatch(type -> type.isInstance(cause))) {
            return false;
        }
        for (StackTraceElement frame : cause.getStackTrace()) {
            if (frame.getClassName().startsWith(OWN_CODE)) {
                return true;
            }
            if (DATA_ACCESS_CODE.stream().anyMatch(frame.getClassName()::startsWith)) {
                return false;
            }
        }
        return false;
    }

    /** The failure, its causes, and the next exceptions of every SQL exception among them, once each. */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (@Nullable Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
            if (cause instanceof SQLException sql) {
                for (@Nullable SQLException next = sql.getNextException(); next != null && seen.add(next);
                     next = next.getNextException()) {
                    chain.add(next);
                }
            }
        }
        return chain;
    }
}
