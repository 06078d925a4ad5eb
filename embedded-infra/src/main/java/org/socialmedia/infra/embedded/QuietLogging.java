package org.socialmedia.infra.embedded;

import org.slf4j.LoggerFactory;

/**
 * Turns the embedded servers' own loggers down to WARN.
 *
 * <p>Why programmatically: the servers run inside the test JVM and log through the same SLF4J
 * binding as the application (logback under Spring Boot). Their INFO output (Kafka alone writes
 * hundreds of lines per start) would drown the application's logs. Only loggers that nobody has
 * configured explicitly are changed, so {@code logging.level.kafka=INFO} or a logback file still
 * win. Logback is an optional dependency: without it this class does nothing.
 */
final class QuietLogging {

    private static final boolean LOGBACK_PRESENT = isPresent("ch.qos.logback.classic.Logger");

    private QuietLogging() {
    }

    static void atWarn(String... loggerNames) {
        if (!LOGBACK_PRESENT) {
            return;
        }
        try {
            Logback.atWarn(loggerNames);
        } catch (LinkageError | RuntimeException ignored) {
            // A different logging setup than expected: leave the levels as they are.
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, QuietLogging.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Separate class so that logback types are only loaded when logback is on the class path. */
    private static final class Logback {
        static void atWarn(String... loggerNames) {
            for (String name : loggerNames) {
                if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger
                        && logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.WARN);
                }
            }
        }
    }
}
