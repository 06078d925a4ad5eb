package org.socialmedia.post.query.stream;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;

import org.socialmedia.post.query.readmodel.AnnouncedChangeObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * The live stream: the listener on the projection's announcements, the fan-out to this instance's
 * subscribers, the threads that write to them and the heartbeats.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class StreamConfiguration {

    /**
     * The threads that write to clients. A few stay ready; a task that finds none idle gets a new
     * one rather than waiting, so a client whose write blocks (it stopped reading) holds a thread
     * of its own, never one that the others need. Bounded all the same: a subscriber has at most
     * one task running, and subscribers are bounded (a closed one's last write may still be ending,
     * hence twice as many).
     */
    @Bean(destroyMethod = "shutdownNow")
    ThreadPoolExecutor streamSender(StreamProperties properties) {
        return new ThreadPoolExecutor(properties.sendThreads(), properties.sendThreads() + 2 * properties.maxSubscribers(),
                60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons("post-stream-send-"));
    }

    @Bean
    StreamMetrics streamMetrics(MeterRegistry registry) {
        return new StreamMetrics(registry);
    }

    @Bean
    ChangeFanOut changeFanOut(StreamProperties properties, ThreadPoolExecutor streamSender, StreamMetrics metrics) {
        ChangeFanOut fanOut = new ChangeFanOut(properties, streamSender, metrics);
        metrics.countSubscribers(fanOut::size);
        return fanOut;
    }

    @Bean
    ChangeListener changeListener(JdbcConnectionDetails database, JsonMapper json, ChangeFanOut fanOut,
                                  ObjectProvider<AnnouncedChangeObserver> observers, StreamProperties properties,
                                  StreamMetrics metrics) {
        ChangeListener listener = new ChangeListener(database, json, fanOut, observers.orderedStream().toList(),
                properties.connectionCheckInterval(), properties.relistenMaxInterval());
        metrics.countListening(listener::isListening);
        return listener;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService streamHeartbeats(ChangeFanOut fanOut, StreamProperties properties) {
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemons("post-stream-heartbeat-"));
        long period = properties.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(fanOut::heartbeat, period, period, TimeUnit.MILLISECONDS);
        return heartbeats;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
