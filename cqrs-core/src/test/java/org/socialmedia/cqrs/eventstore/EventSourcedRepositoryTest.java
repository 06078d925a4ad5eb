package org.socialmedia.cqrs.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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

    @Test
    void savesInOrderEachEventWithItsOwnMetadata() {
        Notebook notebook = new Notebook(UUID.randomUUID());
        notebook.note("a");
        notebook.note("b");

        var stored = repository.saveInOrder(notebook, List.of(Map.of("correlationId", "c-1"), Map.of("correlationId", "c-2")));

        assertThat(stored).extracting(RecordedEvent::version).containsExactly(1L, 2L);
        assertThat(stored).extracting(event -> event.metadata().get("correlationId")).containsExactly("c-1", "c-2");
        assertThat(notebook.uncommittedEvents()).isEmpty();
    }

    @Test
    void storesNothingFromTheFirstVersionAnotherWriterTookAndKeepsItAllUncommitted() {
        Notebook elsewhere = new Notebook(UUID.randomUUID());
        elsewhere.note("first");
        repository.save(elsewhere, Map.of());
        Notebook here = repository.load(elsewhere.id());
        here.note("mine, at 2");
        here.note("mine, at 3");
        here.note("mine, at 4");
        Notebook other = repository.load(elsewhere.id());
        other.note("theirs, at 2");
        other.note("theirs, at 3");
        repository.save(other, Map.of());
        Notebook third = repository.load(elsewhere.id());
        third.note("theirs, at 4");

        var stored = repository.saveInOrder(third, List.of(Map.of()));
        var refused = repository.saveInOrder(here, List.of(Map.of(), Map.of(), Map.of()));

        assertThat(stored).extracting(RecordedEvent::version).containsExactly(4L);
        assertThat(refused).isEmpty();
        assertThat(here.uncommittedEvents()).hasSize(3);
        assertThat(store.readStream(elsewhere.id(), 0)).extracting(event -> ((Noted) event.event()).text())
                .containsExactly("first", "theirs, at 2", "theirs, at 3", "theirs, at 4");
    }

    @Test
    void catchesUpWithWhatOthersStoredAndSaysWhetherThereWasAnything() {
        Notebook here = new Notebook(UUID.randomUUID());
        here.note("a");
        repository.save(here, Map.of());
        assertThat(repository.catchUp(here)).isFalse();

        Notebook elsewhere = repository.load(here.id());
        elsewhere.note("b");
        elsewhere.note("c");
        repository.save(elsewhere, Map.of());

        assertThat(repository.catchUp(here)).isTrue();
        assertThat(here.version()).isEqualTo(3);
        assertThat(here.notes).isEqualTo(3);
    }
}
