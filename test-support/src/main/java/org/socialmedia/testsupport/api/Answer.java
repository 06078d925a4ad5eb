package org.socialmedia.testsupport.api;

import java.net.http.HttpHeaders;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * An answer as it came: the request it answers (for messages), status, headers and body text.
 * The accessors read what the contract puts in a command's answer.
 */
public record Answer(String request, int status, HttpHeaders headers, String body) {

    private static final int SHOWN_BODY = 300;

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The body as JSON; an empty object when there is none. */
    public JsonNode json() {
        return body.isBlank() ? Http.JSON.createObjectNode() : Http.JSON.readTree(body);
    }

    /** The post's id in a command's answer. */
    public UUID id() {
        return UUID.fromString(field("id").asString());
    }

    /** The id of the comment an added comment got. */
    public UUID commentId() {
        return UUID.fromString(field("commentId").asString());
    }

    /** The post's version in a command's answer. */
    public long version() {
        return field("version").asLong();
    }

    /** The first value of the header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String etag() {
        return header("ETag");
    }

    public String location() {
        return header("Location");
    }

    /** The {@code Content-Type}, empty if none. */
    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    private JsonNode field(String name) {
        JsonNode value = json().get(name);
        if (value == null) {
            throw new IllegalStateException("no " + name + " in " + this);
        }
        return value;
    }

    @Override
    public String toString() {
        return request + " -> " + status + " " + contentType() + " "
                + (body.length() > SHOWN_BODY ? body.substring(0, SHOWN_BODY) + "..." : body);
    }
}
