package org.socialmedia.devstack.faults;

import org.socialmedia.devstack.faults.Http.Answer;

/** Reads a service's {@code /actuator/prometheus}. */
final class Metrics {

    private Metrics() {
    }

    /** The sum of the named metric over all its label sets; 0 if the service does not report it yet. */
    static double value(String serviceUrl, String name) {
        Answer answer = Http.json("GET", serviceUrl + "/actuator/prometheus", null);
        if (answer.status() != 200) {
            throw new AssertionError("metrics not available: " + answer);
        }
        double sum = 0;
        for (String line : answer.body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
