package org.socialmedia.post.cmd;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command service: takes commands on posts, stores their events, publishes them. */
@SpringBootApplication
public class PostCmdApplication {

    public static void main(String[] args) {
        SpringApplication.run(PostCmdApplication.class, args);
    }
}
