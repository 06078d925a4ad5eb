package org.socialmedia.bench;

import java.io.UncheckedIOException;
import java.util.function.Supplier;

import org.socialmedia.testsupport.api.Answer;

/**
 * One call as a load measures it: how long it took, and its answer, or none when the service did
 * not answer at all. A call that got no answer counts as failed; it does not stop the load.
 */
record Timed(Answer answer, long nanos) {

    static Timed call(Supplier<Answer> call) {
        long start = System.nanoTime();
        try {
            Answer answer = call.get();
            return new Timed(answer, System.nanoTime() - start);
        } catch (UncheckedIOException noAnswer) {
            return new Timed(null, System.nanoTime() - start);
        }
    }

    boolean ok() {
        return answer != null && answer.successful();
    }
}
