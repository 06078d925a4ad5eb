package org.socialmedia.cqrs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.socialmedia.cqrs.domain.AggregateRoot;
import org.socialmedia.cqrs.domain.DomainEvent;

/**
 * Given/when/then for aggregates, with no framework and no store:
 *
 * <pre>{@code
 * fixture.given(created, liked("bob"))
 *        .when(post -> post.like("bob"))
 *        .expectNoEvents();
 * }</pre>
 */
public final class AggregateFixture<A extends AggregateRoot<E>, E extends DomainEvent> {

    private final Supplier<A> newAggregate;

    private AggregateFixture(Supplier<A> newAggregate) {
        this.newAggregate = newAggregate;
    }

    public static <A extends AggregateRoot<E>, E extends DomainEvent> AggregateFixture<A, E> forAggregate(Supplier<A> newAggregate) {
        return new AggregateFixture<>(newAggregate);
    }

    @SafeVarargs
    public final Given given(E... history) {
        A aggregate = newAggregate.get();
        aggregate.replay(List.of(history));
        return new Given(aggregate);
    }

    public Given givenNothing() {
        return new Given(newAggregate.get());
    }

    public final class Given {
        private final A aggregate;

        private Given(A aggregate) {
            this.aggregate = aggregate;
        }

        public Then when(Consumer<A> command) {
            try {
                command.accept(aggregate);
                return new Then(aggregate, null);
            } catch (RuntimeException refused) {
                return new Then(aggregate, refused);
            }
        }
    }

    public final class Then {
        private final A aggregate;
        private final RuntimeException failure;

        private Then(A aggregate, RuntimeException failure) {
            this.aggregate = aggregate;
            this.failure = failure;
        }

        @SafeVarargs
        public final Then expectEvents(E... expected) {
            requireSuccess();
            assertThat(aggregate.uncommittedEvents()).containsExactly(expected);
            return this;
        }

        public Then expectNoEvents() {
            requireSuccess();
            assertThat(aggregate.uncommittedEvents()).isEmpty();
            return this;
        }

        public Then expectException(Class<? extends RuntimeException> type) {
            assertThatThrownBy(() -> {
                if (failure != null) {
                    throw failure;
                }
            }).as("the command should have been refused").isInstanceOf(type);
            assertThat(aggregate.uncommittedEvents()).as("a refused command raises nothing").isEmpty();
            return this;
        }

        public Then expectState(Consumer<A> assertions) {
            assertions.accept(aggregate);
            return this;
        }

        private void requireSuccess() {
            if (failure != null) {
                throw new AssertionError("the command was refused: " + failure, failure);
            }
        }
    }
}
