package org.socialmedia.devstack;

import java.nio.file.Path;

/** Keeps the console for status lines: the embedded servers' logs go to a file. */
public final class InfrastructureLogs {

    private InfrastructureLogs() {
    }

    /**
     * The embedded servers log through logback; {@code devstack-logback.xml} writes those logs to
     * {@code infrastructure.log} in {@code logDir}. Call before the first logger is created, so
     * before anything starts.
     */
    public static void sendTo(Path logDir) {
        System.setProperty("devstack.log.dir", logDir.toAbsolutePath().toString());
        System.setProperty("logback.configurationFile", "devstack-logback.xml");
    }
}
