package org.socialmedia.devstack;

/** A port the stack needs is taken; the message names the port and the option that changes it. */
public final class PortInUseException extends RuntimeException {

    PortInUseException(String message) {
        super(message);
    }
}
