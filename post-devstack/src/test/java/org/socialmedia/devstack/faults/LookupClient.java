package org.socialmedia.devstack.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.socialmedia.devstack.faults.Http.Answer;
import tools.jackson.databind.JsonNode;

/** The post-query lookups the fault tests read. */
final class LookupClient {

    private final String posts;

    LookupClient(String baseUrl) {
        this.posts = baseUrl + "/api/v1/posts";
    }

    Answer post(UUID id) {
        return Http.json("GET", posts + "/" + id, null);
    }

    Answer post(UUID id, long minVersion) {
        return Http.json("GET", posts + "/" + id + "?minVersion=" + minVersion, null);
    }

    /** Every post the list lookup answers, all pages, as the raw JSON of each post. */
    List<String> allPosts() {
        List<String> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Answer answer = Http.json("GET", posts + "?size=100&page=" + page, null);
            if (answer.status() != 200) {
                throw new AssertionError("lookup failed: " + answer);
            }
            JsonNode body = answer.json();
            body.get("content").forEach(post -> all.add(post.toString()));
            if (page + 1 >= body.get("page").get("totalPages").asInt()) {
                return all;
            }
        }
    }
}
