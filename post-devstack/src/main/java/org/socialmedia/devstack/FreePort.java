package org.socialmedia.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Whether a TCP port can be listened on, and a port that can. */
final class FreePort {

    private static final int FIRST = 20000;
    private static final int EPHEMERAL = 32768;
    /** Each port once per process, so that the ports of one stack, found before any is bound, differ. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    static int orFree(int port) {
        return port == 0 ? find() : port;
    }

    /**
     * A port below Linux's ephemeral range (32768 and up), where nothing listens now. A port from
     * that range, as the system hands out for a bind to port 0, can be taken by the time the
     * service binds it: every outgoing connection the stack makes meanwhile (Kafka's clients,
     * the database drivers) gets its local port from the same range.
     */
    static int find() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, EPHEMERAL);
            if (isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + EPHEMERAL);
    }

    /**
     * Binds the wildcard address, as the services do: on Linux that fails when anything listens
     * on the port, on any address (a loopback-only server included), which is exactly the
     * conflict the stack would run into.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As the servers do: a port whose last connections are still in TIME_WAIT is free for them.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
