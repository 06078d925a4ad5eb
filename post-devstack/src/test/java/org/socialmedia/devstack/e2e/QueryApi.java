package org.socialmedia.devstack.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.socialmedia.devstack.e2e.Http.Response;
import tools.jackson.databind.JsonNode;

/** post-query's routes, as a frontend calls them. */
final class QueryApi {

    private final String posts;

    QueryApi(String baseUrl) {
        this.posts = baseUrl + "/api/v1/posts";
    }

    /** The post once the read model has applied {@code minVersion}: read-your-writes without sleeping. */
    Response post(UUID id, long minVersion) {
        return Http.send("GET", posts + "/" + id + "?minVersion=" + minVersion, null, null);
    }

    Response post(UUID id) {
        return Http.send("GET", posts + "/" + id, null, null);
    }

    /** One page; {@code query} is the query string without {@code ?}, for example {@code author=alice&size=5}. */
    Response page(String query) {
        return Http.send("GET", posts + (query.isEmpty() ? "" : "?" + query), null, null);
    }

    /** Every post the lookup answers, all pages in order (newest first). */
    List<JsonNode> all(String filter) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Response response = page((filter.isEmpty() ? "" : filter + "&") + "size=100&page=" + page);
            if (response.status() != 200) {
                throw new AssertionError("lookup failed: " + response);
            }
            response.body().get("content").forEach(all::add);
            if (page + 1 >= response.body().get("page").get("totalPages").asInt()) {
                return all;
            }
        }
    }
}
