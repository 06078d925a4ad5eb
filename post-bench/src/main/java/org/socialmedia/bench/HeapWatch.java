package org.socialmedia.bench;

import org.socialmedia.testsupport.api.Prometheus;

/** Reads a service's heap in use from its Prometheus endpoint (on its management port), to check it stays within its -Xmx. */
final class HeapWatch {

    private static final double MEGABYTE = 1024 * 1024;

    private HeapWatch() {
    }

    /** NaN when the service shows no metrics, or its management URL is not known. */
    static double heapUsedMegabytes(String managementUrl) {
        if (managementUrl == null) {
            return Double.NaN;
        }
        return new Prometheus(managementUrl).sum("jvm_memory_used_bytes", "area=\"heap\"") / MEGABYTE;
    }
}
