package org.socialmedia.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.socialmedia.testsupport.api.Prometheus;

/**
 * How busy the JIT compilers are: those of both services (from their Prometheus endpoints) and of
 * this JVM, which runs the embedded broker and event store as well as the load. A Spring service
 * compiles for minutes of load before its code settles, and on two cores that work competes with
 * everything measured, so each round says how much of it was still going on. The JVMs report the
 * time their compiler threads spent on compilations, waits for a core included, so the figure is
 * how many compiler threads were busy on average, not how many cores they used.
 */
final class CompilerWatch {

    private final List<Prometheus> services;
    /** Null in a JVM without a JIT compiler. */
    private final CompilationMXBean here = ManagementFactory.getCompilationMXBean();
    private double lastMillis;
    private long lastAt;

    CompilerWatch(BenchOptions.Target target) {
        this.services = Stream.of(target.commandManagementUrl(), target.queryManagementUrl())
                .filter(Objects::nonNull).map(Prometheus::new).toList();
        this.lastMillis = compilationMillis();
        this.lastAt = System.nanoTime();
    }

    /** Compiler threads busy on average since the last look (or since this watch began). */
    double busyThreadsSinceLastLook() {
        double millis = compilationMillis();
        long now = System.nanoTime();
        double busy = (millis - lastMillis) / ((now - lastAt) / 1e6);
        lastMillis = millis;
        lastAt = now;
        return busy;
    }

    /** Milliseconds spent compiling so far; a service that shows no metrics counts as none. */
    private double compilationMillis() {
        double millis = here != null && here.isCompilationTimeMonitoringSupported() ? here.getTotalCompilationTime() : 0;
        for (Prometheus service : services) {
            double total = service.sum("jvm_compilation_time_ms_total");
            millis += Double.isNaN(total) ? 0 : total;
        }
        return millis;
    }
}
