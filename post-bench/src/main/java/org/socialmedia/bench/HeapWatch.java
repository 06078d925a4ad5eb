package org.socialmedia.bench;

/** Reads a service's heap in use from its Prometheus endpoint, to check it stays within its -Xmx. */
final class HeapWatch {

    private HeapWatch() {
    }

    static double heapUsedMegabytes(PostApi api, String serviceUrl) {
        PostApi.Answer metrics = api.get(serviceUrl + "/actuator/prometheus");
        if (!metrics.ok()) {
            return Double.NaN;
        }
        double bytes = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return bytes / (1024 * 1024);
    }
}
