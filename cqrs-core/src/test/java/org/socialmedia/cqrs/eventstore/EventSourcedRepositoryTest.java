package org.socialmedia.cqrs.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.domain.AggregateNotFoundException;
import org.socialmedia.cqrs.domain.AggregateRoot;
import org.socialmedia.cqrs.domain.ConcurrencyException;
import org.socialmedia.cqrs.domain.DomainEvent;
import org.socialmedia.cqrs.testing.InMemoryEventStore;

class EventSourcedRepositoryTest {

    record Noted(String text) implements DomainEvent {
    }

    static final class Notebook extends AggregateRoot<Noted> {
        private final UUID id;
        private int notes;

        Notebook(UUID id) {
            this.id = id;
        }

        void note(String text) {
            raise(new Noted(text));
        }

        @Override
        public UUID id() {
            return id;
        }

        @Override
        protected void when(Noted event) {
            notes++;
        }
    }

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T14:00:00.123456Z"), ZoneOffset.UTC);
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final EventSourcedRepository<Notebook, Noted> repository =
            new EventSourcedRepository<>(store, "Notebook", Noted.class, Notebook::new, clock);

    @Test
    void savesRaisedEventsWithConsecutiveVersionsAndLoadsThemBack() {
        Notebook notebook = new Notebook(UUID.randomUUID());
        notebook.note("a");
        notebook.note("b");

        var stored = repository.save(notebook, Map.of("correlationId", "c-1"));

        assertThat(stored).extracting(RecordedEvent::version).containsExactly(1L, 2L);
        assertThat(stored).allSatisfy(event -> {
            assertThat(event.aggregateType()).isEqualTo("Notebook");
            assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-22T14:00:00.123Z"));
            assertThat(event.metadata()).containsEntry("correlationId", "c-1");
        });
        Notebook loaded = repository.load(notebook.id());
        assertThat(loaded.notes).isEqualTo(2);
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(loaded.uncommittedEvents()).isEmpty();
    }

    @Test
    void savingNothingStoresNothing() {
        Notebook notebook = new Notebook(UUID.randomUUID());

        assertThat(repository.save(notebook, Map.of())).isEmpty();
        assertThat(repository.find(notebook.id())).isEmpty();
    }

    @Test
    void unknownAggregateIsNotFound() {
        assertThatThrownBy(() -> repository.load(UUID.randomUUID())).isInstanceOf(AggregateNotFoundException.class);
    }

    @Test
    void twoWritersDecidingOnTheSameVersionCannotBothStore() {
        Notebook first = new Notebook(UUID.randomUUID());
        first.note("created");
        repository.save(first, Map.of());
        Notebook a = repository.load(first.id());
        Notebook b = repository.load(first.id());
        a.note("from a");
        b.note("from b");

        repository.save(a, Map.of());

        assertThatThrownBy(() -> repository.save(b, Map.of())).isInstanceOf(ConcurrencyException.class);
        assertThat(store.readStream(first.id(), 0)).extracting(e -> ((Noted) e.event()).text())
                .containsExactly("created", "from a");
    }
}
