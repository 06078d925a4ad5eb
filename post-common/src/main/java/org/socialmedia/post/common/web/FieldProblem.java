package org.socialmedia.post.common.web;

/**
 * One offending input of a 400, as both services list them under {@code errors}: a body field
 * and a query parameter alike, so that a frontend reads one dialect.
 *
 * @param field   the body field or query parameter, as the client named it
 * @param message what is wrong with it, for a person
 */
public record FieldProblem(String field, String message) {
}
