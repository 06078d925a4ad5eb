package org.socialmedia.post.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query service: projects post events into PostgreSQL and answers lookups from there. */
@SpringBootApplication
public class PostQueryApplication {

    public static void main(String[] args) {
        SpringApplication.run(PostQueryApplication.class, args);
    }
}
