package org.socialmedia.post.cmd.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialmedia.cqrs.domain.StaleVersionException;
import org.socialmedia.post.cmd.domain.Post;

/**
 * A group of commands decided one after another on the same post, in arrival order, each on the
 * state the ones before it left: what each raised or refused, and which of those answers stand
 * once the store said how many of the group's events it kept.
 *
 * <p>When an answer stands: a command's decision is only as good as the state it was decided on.
 * That state is proven current when the store took the event that follows it: the unique index
 * means nobody else stored that version first. So an event stands when it is stored; a refusal
 * or a no-op decided on version v+j stands when the group's event at v+j+1 was stored, or when it
 * was decided after the group's last stored event at v+j, or when the post was read from the store
 * for this round. Every other answer is decided again, on the fresh state.
 *
 * <p>An {@code If-Match} that is not the version the command is decided on is answered 412, but
 * only if the command would otherwise succeed: it is decided as a dry run, which says whether the
 * post would refuse it without keeping the decision.
 */
final class GroupDecision {

    private static final class Decided {
        private final QueuedCommand command;
        /** How many of the round's events were raised before this command was decided. */
        private final int eventsBefore;
        private boolean raised;
        private long version;
        private @Nullable RuntimeException refusal;

        private Decided(QueuedCommand command, int eventsBefore) {
            this.command = command;
            this.eventsBefore = eventsBefore;
        }
    }

    private final List<Decided> decided;
    private final List<Map<String, String>> metadata;
    private final boolean readFromStore;
    private final @Nullable Decided spoilt;

    private GroupDecision(List<Decided> decided, List<Map<String, String>> metadata, boolean readFromStore,
                          @Nullable Decided spoilt) {
        this.decided = decided;
        this.metadata = metadata;
        this.readFromStore = readFromStore;
        this.spoilt = spoilt;
    }

    /**
     * @param readFromStore whether the post was read from the store for this round (so it was
     *                      current then), rather than taken from the cache (possibly stale)
     */
    static GroupDecision decide(Post post, List<QueuedCommand> commands, boolean readFromStore) {
        List<Decided> decided = new ArrayList<>(commands.size());
        List<Map<String, String>> metadata = new ArrayList<>();
        for (QueuedCommand command : commands) {
            Decided one = new Decided(command, metadata.size());
            int eventsBefore = post.uncommittedEvents().size();
            decideOne(post, one);
            if (one.refusal != null && post.uncommittedEvents().size() != eventsBefore) {
                // It raised and then refused: the post now holds an event nobody asked for.
                return new GroupDecision(decided, metadata, readFromStore, one);
            }
            if (one.raised) {
                metadata.add(Map.of("correlationId", UUID.randomUUID().toString()));
            }
            decided.add(one);
        }
        return new GroupDecision(decided, metadata, readFromStore, null);
    }

    private static void decideOne(Post post, Decided one) {
        long decidedOn = post.version();
        OptionalLong expected = one.command.expectedVersion();
        try {
            if (expected.isPresent() && expected.getAsLong() != decidedOn) {
                post.dryRun(() -> one.command.decision().accept(post));
                one.refusal = new StaleVersionException(post.id(), expected.getAsLong(), decidedOn);
                return;
            }
            int before = post.uncommittedEvents().size();
            one.command.decision().accept(post);
            int raised = post.uncommittedEvents().size() - before;
            if (raised > 1) {
                // A group is stored as a prefix of its events: one command's events could be split.
                throw new IllegalStateException("a post command raises at most one event, this one raised " + raised);
            }
            one.raised = raised == 1;
            one.version = post.version();
        } catch (RuntimeException refused) {
            one.refusal = refused;
        }
    }

    /**
     * Whether a decision raised an event and then refused: the post then holds an event nobody
     * asked for, so nothing of this round may be stored. (The post's verbs raise as their last
     * step, so this takes a bug; it must still not store a refused command.)
     */
    boolean spoilt() {
        return spoilt != null;
    }

    /**
     * Answers the command that spoilt the round with its refusal.
     *
     * @return the other commands, to be decided again on the post as stored
     */
    List<QueuedCommand> refuseSpoiler(List<QueuedCommand> commands) {
        if (spoilt == null || spoilt.refusal == null) {
            throw new IllegalStateException("the round is sound");
        }
        spoilt.command.refuse(spoilt.refusal);
        return commands.stream().filter(command -> command != spoilt.command).toList();
    }

    /** One correlation map per raised event, in the order the events were raised. */
    List<Map<String, String>> eventMetadata() {
        return metadata;
    }

    int eventCount() {
        return metadata.size();
    }

    /**
     * Answers every command whose answer stands now that {@code stored} of the events are in the
     * store, and returns the rest, in arrival order, to be decided again.
     */
    List<QueuedCommand> answerStanding(int stored, boolean verifiedSince) {
        List<QueuedCommand> again = new ArrayList<>();
        for (Decided one : decided) {
            if (stands(one, stored, verifiedSince)) {
                if (one.refusal != null) {
                    one.command.refuse(one.refusal);
                } else {
                    one.command.answer(one.version);
                }
            } else {
                again.add(one.command);
            }
        }
        return again;
    }

    /**
     * @param verifiedSince whether the store has since shown that nothing was stored after the
     *                      post's last version (a read that found nothing newer)
     */
    private boolean stands(Decided one, int stored, boolean verifiedSince) {
        if (one.raised) {
            return one.eventsBefore < stored;
        }
        if (one.eventsBefore == 0) {
            return readFromStore || verifiedSince || stored > 0;
        }
        return one.eventsBefore <= stored;
    }
}
