package org.socialmedia.bench;

import org.socialmedia.testsupport.api.Prometheus;

/** Reads a service's heap in use from its Prometheus endpoint, to check it stays within its -Xmx. */
final class HeapWatch {

    private static final double MEGABYTE = 1024 * 1024;

    private HeapWatch() {
    }

    /** NaN when the service shows no metrics. */
    static double heapUsedMegabytes(String serviceUrl) {
        return new Prometheus(serviceUrl).sum("jvm_memory_used_bytes", "area=\"heap\"") / MEGABYTE;
    }
}
