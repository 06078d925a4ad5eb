package org.socialmedia.post.query;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query service: projects post events into PostgreSQL and answers lookups from there. */
@SpringBootApplication
public class PostQueryApplication {

    /**
     * Lookups are short and CPU-bound: one indexed statement on a nearby database, the rest from
     * memory. Two request threads per core keep the cores busy; with Tomcat's 200, dozens of
     * lookups share the cores at once and each waits for the others' time slices, while with two
     * per core the rest wait in Tomcat's queue, first come, first served: the same throughput with
     * a shorter tail (the README's performance section has the measurement). A deployment still
     * sets its own with {@code server.tomcat.threads.max}.
     */
    static final int REQUEST_THREADS_PER_CORE = 2;

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PostQueryApplication.class);
        application.setDefaultProperties(Map.of("server.tomcat.threads.max",
                REQUEST_THREADS_PER_CORE * Runtime.getRuntime().availableProcessors()));
        application.run(args);
    }
}
