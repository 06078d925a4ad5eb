package org.socialmedia.devstack;

import java.util.stream.IntStream;

/**
 * The ports of the stack. 0 means "choose a free port", which is what tests and benchmarks use
 * so that they never collide with a devstack that is already running.
 *
 * @param commandService           post-cmd's API (commands, Swagger UI, {@code /livez}, {@code /readyz})
 * @param queryService             post-query's API
 * @param auth                     the identity provider (post-devauth), the issuer of every token
 * @param commandServiceManagement post-cmd's management port: metrics, Prometheus, info, the full health report
 * @param queryServiceManagement   post-query's management port
 * @param web                      the social app (post-web), the address a person opens in the browser
 */
public record StackPorts(int commandService, int queryService, int kafka, int postgres, int mongo, int auth,
                         int commandServiceManagement, int queryServiceManagement, int web) {

    /** The ports a newcomer expects: the services' own defaults and the usual infrastructure ports. */
    public static StackPorts defaults() {
        return new StackPorts(8081, 8082, 9092, 5432, 27017, 9000, 8091, 8092, 3000);
    }

    /** Every port chosen freely at start. */
    public static StackPorts anyFree() {
        return new StackPorts(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public StackPorts {
        if (IntStream.of(commandService, queryService, kafka, postgres, mongo, auth, commandServiceManagement, queryServiceManagement, web)
                .anyMatch(port -> port < 0 || port > 65535)) {
            throw new IllegalArgumentException("a port must be 0 (any free port) or 1..65535");
        }
    }

    /** The same ports, with every 0 replaced by a port that is free now. */
    StackPorts resolved() {
        return new StackPorts(FreePort.orFree(commandService), FreePort.orFree(queryService), FreePort.orFree(kafka),
                FreePort.orFree(postgres), FreePort.orFree(mongo), FreePort.orFree(auth), FreePort.orFree(commandServiceManagement),
                FreePort.orFree(queryServiceManagement), FreePort.orFree(web));
    }
}
