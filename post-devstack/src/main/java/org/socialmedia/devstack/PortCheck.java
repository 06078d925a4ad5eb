package org.socialmedia.devstack;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks every fixed port before anything starts: a taken port found half-way would leave a
 * half-started stack and a stack trace instead of one clear line.
 */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(StackPorts ports) {
        Map<String, Integer> byOption = Map.of(
                "cmd-port", ports.commandService(),
                "query-port", ports.queryService(),
                "kafka-port", ports.kafka(),
                "postgres-port", ports.postgres(),
                "mongo-port", ports.mongo(),
                "auth-port", ports.auth(),
                "cmd-management-port", ports.commandServiceManagement(),
                "query-management-port", ports.queryServiceManagement(),
                "web-port", ports.web());
        Map<Integer, String> seen = new HashMap<>();
        for (String option : DevStackOptions.PORT_OPTIONS.keySet()) {
            int port = byOption.get(option);
            String other = seen.put(port, option);
            if (port != 0 && other != null) {
                throw new PortInUseException("Port " + port + " is given both to --" + other + " and to --" + option
                        + ": choose a different port for one of them.");
            }
            if (port != 0 && !FreePort.isFree(port)) {
                throw new PortInUseException("Port " + port + " (" + DevStackOptions.PORT_OPTIONS.get(option)
                        + ") is already in use: stop what listens on it (a devstack already running?) or choose another"
                        + " port with --" + option + "=PORT or " + DevStackOptions.environmentVariable(option) + "=PORT.");
            }
        }
    }
}
