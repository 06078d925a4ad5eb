package org.socialmedia.devstack;

/**
 * The ports of the stack. 0 means "choose a free port", which is what tests and benchmarks use
 * so that they never collide with a devstack that is already running.
 */
public record StackPorts(int commandService, int queryService, int kafka, int postgres, int mongo) {

    /** The ports a newcomer expects: the services' own defaults and the usual infrastructure ports. */
    public static StackPorts defaults() {
        return new StackPorts(8081, 8082, 9092, 5432, 27017);
    }

    /** Every port chosen freely at start. */
    public static StackPorts anyFree() {
        return new StackPorts(0, 0, 0, 0, 0);
    }

    public StackPorts {
        for (int port : new int[] {commandService, queryService, kafka, postgres, mongo}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("a port must be 0 (any free port) or 1..65535, not " + port);
            }
        }
    }

    /** The same ports, with every 0 replaced by a port that is free now. */
    StackPorts resolved() {
        return new StackPorts(FreePort.orFree(commandService), FreePort.orFree(queryService), FreePort.orFree(kafka),
                FreePort.orFree(postgres), FreePort.orFree(mongo));
    }
}
