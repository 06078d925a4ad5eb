package org.socialmedia.post.cmd.integration;

import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent.PostLiked;
import org.socialmedia.testsupport.topic.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;

class ConcurrentCommandsIT extends IntegrationTest {

    private static final int CLIENTS = 50;

    @Autowired
    EventStore store;

    @Test
    void fiftyUsersLikingAtTheSameMomentAreAllCounted() throws Exception {
        UUID post = api().createPost("alice", "like me").id();

        List<Integer> statuses = likeAllAtOnce(post, CLIENTS);

        assertThat(statuses).containsOnly(200);
        List<RecordedEvent> stream = store.readStream(post, 0);
        assertThat(stream).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, CLIENTS + 1).boxed().toList());
        assertThat(stream.stream().skip(1).map(event -> ((PostLiked) event.event()).username()).distinct())
                .hasSize(CLIENTS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TopicRecords.firstDeliveries(topic().eventsOf(post)))
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, CLIENTS + 1).boxed().toList()));
    }

    @Test
    void concurrentDuplicateLikesOfOneUserCountOnce() throws Exception {
        UUID post = api().createPost("alice", "like me once").id();

        List<Integer> statuses = runAllAtOnce(20, i -> api().likePost(post, "bob").status());

        assertThat(statuses).containsOnly(200);
        assertThat(store.readStream(post, 0)).hasSize(2);
    }

    private List<Integer> likeAllAtOnce(UUID post, int clients) throws Exception {
        return runAllAtOnce(clients, i -> api().likePost(post, "user-" + i).status());
    }

    private static List<Integer> runAllAtOnce(int clients, java.util.function.IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = IntStream.range(0, clients)
                    .mapToObj(i -> pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return request.apply(i);
                    }))
                    .collect(toList());
            ready.await();
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
