package org.socialmedia.post.query.api;

/** A request parameter given without a value where a value is required, such as {@code page=}. */
class EmptyParameterException extends RuntimeException {

    private final String parameter;

    EmptyParameterException(String parameter) {
        super(parameter + " has no value");
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
