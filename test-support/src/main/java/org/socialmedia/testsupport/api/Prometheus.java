package org.socialmedia.testsupport.api;

/** A service's metrics as its {@code /actuator/prometheus} shows them. */
public final class Prometheus {

    private final Http service;

    public Prometheus(String serviceUrl) {
        this.service = new Http(serviceUrl);
    }

    /**
     * The sum of the metric over its series whose labels include each of {@code labels} (written
     * as in the exposition, for example {@code area="heap"}); 0 if the service does not show the
     * metric yet, NaN if it shows no metrics at all.
     */
    public double sum(String metric, String... labels) {
        Answer answer = service.get("/actuator/prometheus");
        if (answer.status() != 200) {
            return Double.NaN;
        }
        double sum = 0;
        for (String line : answer.body().split("\n")) {
            if (isSeriesOf(metric, line) && hasLabels(line, labels)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static boolean isSeriesOf(String metric, String line) {
        return line.startsWith(metric + " ") || line.startsWith(metric + "{");
    }

    private static boolean hasLabels(String line, String... labels) {
        for (String label : labels) {
            if (!line.contains(label)) {
                return false;
            }
        }
        return true;
    }
}
