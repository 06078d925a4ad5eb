package org.socialmedia.testsupport.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** post-query's lookups as a frontend calls them. */
public final class LookupApi {

    private static final String POSTS = "/api/v1/posts";

    private final Http http;

    public LookupApi(String baseUrl) {
        this(new Http(baseUrl));
    }

    /** Over another transport than the JDK's client; see {@link Http.Transport}. */
    public LookupApi(String baseUrl, Http.Transport transport) {
        this(new Http(baseUrl, transport));
    }

    private LookupApi(Http http) {
        this.http = http;
    }

    /** For requests no lookup method can express. */
    public Http http() {
        return http;
    }

    public Answer post(UUID id) {
        return http.get(POSTS + "/" + id);
    }

    /** The post once the read model has applied {@code minVersion}: read-your-writes without sleeping. */
    public Answer post(UUID id, long minVersion) {
        return http.get(POSTS + "/" + id + "?minVersion=" + minVersion);
    }

    /** One page; {@code query} is the query string without {@code ?}, for example {@code author=alice&size=5}. */
    public Answer page(String query) {
        return http.get(POSTS + (query.isEmpty() ? "" : "?" + query));
    }

    /** Every post the list lookup answers for the filter (a query string, maybe empty), all pages in order: newest first. */
    public List<JsonNode> all(String filter) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Answer answer = page((filter.isEmpty() ? "" : filter + "&") + "size=100&page=" + page);
            if (answer.status() != 200) {
                throw new IllegalStateException("lookup failed: " + answer);
            }
            JsonNode body = answer.json();
            body.get("content").forEach(all::add);
            if (page + 1 >= body.get("page").get("totalPages").asInt()) {
                return all;
            }
        }
    }
}
