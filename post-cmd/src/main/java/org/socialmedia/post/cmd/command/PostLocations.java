package org.socialmedia.post.cmd.command;

import java.net.URI;
import java.util.UUID;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a post can be read. This service takes commands only, so a {@code Location} names the
 * post as the lookups serve it, wherever a deployment runs them.
 */
final class PostLocations {

    private static final String POST = "/api/v1/posts/{id}";

    private final URI lookupsBaseUrl;

    PostLocations(URI lookupsBaseUrl) {
        this.lookupsBaseUrl = lookupsBaseUrl;
    }

    URI post(UUID id) {
        return UriComponentsBuilder.fromUri(lookupsBaseUrl).path(POST).buildAndExpand(id).toUri();
    }
}
