package org.socialmedia.post.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PoisonIsolationTest {

    /** The failure of a run that holds a record the fake database refuses. */
    static final class Refused extends RuntimeException {
        Refused(List<String> run) {
            super("refused: " + run);
        }
    }

    static final class DatabaseDown extends RuntimeException {
        DatabaseDown() {
            super("database down");
        }
    }

    /**
     * Applies runs of records all or nothing, like a projection transaction: a run that holds a
     * refused record, or that a rule refuses as a whole, changes nothing. What is applied is
     * what the isolation reports as committed.
     */
    static final class FakeProjector {

        final List<String> applied = new ArrayList<>();
        final List<List<String>> transactions = new ArrayList<>();
        private final Predicate<List<String>> refusesRun;
        private int outageAtTransaction = -1;

        FakeProjector(Predicate<List<String>> refusesRun) {
            this.refusesRun = refusesRun;
        }

        static FakeProjector refusing(String... poison) {
            return new FakeProjector(run -> run.stream().anyMatch(List.of(poison)::contains));
        }

        FakeProjector goingDownAtTransaction(int number) {
            outageAtTransaction = number;
            return this;
        }

        List<String> project(List<String> run) {
            transactions.add(List.copyOf(run));
            if (transactions.size() == outageAtTransaction) {
                throw new DatabaseDown();
            }
            if (refusesRun.test(run)) {
                throw new Refused(run);
            }
            return List.copyOf(run);
        }

        Optional<PoisonIsolation.Failure> apply(List<String> batch) {
            return new PoisonIsolation<String, List<String>>(this::project, applied::addAll, Refused.class::isInstance)
                    .apply(batch);
        }
    }

    private static final List<String> BATCH = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");

    @Nested
    class WithoutPoison {

        @Test
        void theBatchIsOneTransaction() {
            FakeProjector projector = FakeProjector.refusing();

            assertThat(projector.apply(BATCH)).isEmpty();

            assertThat(projector.transactions).containsExactly(BATCH);
            assertThat(projector.applied).isEqualTo(BATCH);
        }

        @Test
        void anEmptyBatchNeedsNoTransaction() {
            FakeProjector projector = FakeProjector.refusing();

            assertThat(projector.apply(List.of())).isEmpty();

            assertThat(projector.transactions).isEmpty();
        }
    }

    @Nested
    class OnePoisonRecord {

        @Test
        void atTheStartNothingIsApplied() {
            FakeProjector projector = FakeProjector.refusing("a");

            assertThat(projector.apply(BATCH)).hasValueSatisfying(failure -> {
                assertThat(failure.index()).isZero();
                assertThat(failure.cause()).isInstanceOf(Refused.class);
            });
            assertThat(projector.applied).isEmpty();
        }

        @Test
        void inTheMiddleEverythingBeforeItIsAppliedInOrder() {
            FakeProjector projector = FakeProjector.refusing("f");

            assertThat(projector.apply(BATCH)).hasValueSatisfying(failure -> {
                assertThat(failure.index()).isEqualTo(5);
                assertThat(failure.cause()).hasMessage("refused: [f]");
            });
            assertThat(projector.applied).containsExactly("a", "b", "c", "d", "e");
        }

        @Test
        void atTheEndEverythingElseIsApplied() {
            FakeProjector projector = FakeProjector.refusing("k");

            assertThat(projector.apply(BATCH)).hasValueSatisfying(failure -> assertThat(failure.index()).isEqualTo(10));
            assertThat(projector.applied).isEqualTo(BATCH.subList(0, 10));
        }

        @Test
        void isFoundInAboutTwoTransactionsPerHalving() {
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < 512; i++) {
                batch.add("record-" + i);
            }
            FakeProjector projector = FakeProjector.refusing("record-300");

            assertThat(projector.apply(batch)).hasValueSatisfying(failure -> assertThat(failure.index()).isEqualTo(300));
            assertThat(projector.applied).isEqualTo(batch.subList(0, 300));
            assertThat(projector.transactions).hasSizeLessThanOrEqualTo(1 + 2 * 9);
        }
    }

    @Nested
    class SeveralPoisonRecords {

        @Test
        void theFirstIsFoundAndNothingAfterItIsApplied() {
            FakeProjector projector = FakeProjector.refusing("c", "h");

            assertThat(projector.apply(BATCH)).hasValueSatisfying(failure -> assertThat(failure.index()).isEqualTo(2));
            assertThat(projector.applied).containsExactly("a", "b");
        }

        @Test
        void twoNeighboursAreFoundOneAfterTheOther() {
            FakeProjector projector = FakeProjector.refusing("d", "e");

            assertThat(projector.apply(BATCH)).hasValueSatisfying(failure -> assertThat(failure.index()).isEqualTo(3));
            assertThat(projector.apply(BATCH.subList(4, BATCH.size())))
                    .hasValueSatisfying(failure -> assertThat(failure.index()).isZero());
            assertThat(projector.applied).containsExactly("a", "b", "c");
        }
    }

    @Nested
    class FailureOnlyInCombination {

        @Test
        void everythingIsAppliedAndNoRecordIsBlamed() {
            FakeProjector projector = new FakeProjector(run -> run.contains("b") && run.contains("j"));

            assertThat(projector.apply(BATCH)).isEmpty();

            assertThat(projector.applied).isEqualTo(BATCH);
        }
    }

    @Nested
    class Outage {

        @Test
        void ofTheWholeBatchIsNotSearched() {
            FakeProjector projector = FakeProjector.refusing().goingDownAtTransaction(1);

            assertThat(projector.apply(BATCH)).hasValueSatisfying(failure -> {
                assertThat(failure.index()).isZero();
                assertThat(failure.cause()).isInstanceOf(DatabaseDown.class);
            });
            assertThat(projector.transactions).hasSize(1);
        }

        @Test
        void duringTheSearchEndsItWhereTheFailedRunStarts() {
            // 1: the whole batch is refused; 2: its left half applies; 3: its right half goes down.
            FakeProjector projector = FakeProjector.refusing("i").goingDownAtTransaction(3);

            assertThat(projector.apply(BATCH)).hasValueSatisfying(failure -> {
                assertThat(failure.index()).isEqualTo(5);
                assertThat(failure.cause()).isInstanceOf(DatabaseDown.class);
            });
            assertThat(projector.applied).containsExactly("a", "b", "c", "d", "e");
            assertThat(projector.transactions).hasSize(3);
        }
    }

    @Nested
    class AfterTheCommit {

        @Test
        void aFailureIsPassedOnAndNotSearched() {
            FakeProjector projector = FakeProjector.refusing();
            PoisonIsolation<String, List<String>> isolation = new PoisonIsolation<>(projector::project, run -> {
                throw new Refused(run);
            }, Refused.class::isInstance);

            assertThatThrownBy(() -> isolation.apply(BATCH)).isInstanceOf(Refused.class);

            assertThat(projector.transactions).hasSize(1);
        }
    }
}
