package org.socialmedia.bench;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks an index in [0, n) with probability proportional to 1/(rank+1): a few posts get most of
 * the traffic, as on a real social app.
 */
final class ZipfPicker {

    private final double[] cumulative;

    ZipfPicker(int n) {
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < n; rank++) {
            cumulative[rank] /= sum;
        }
    }

    int next() {
        return pick(ThreadLocalRandom.current().nextDouble());
    }

    /** The index a uniform draw in [0, 1) falls on. */
    int pick(double uniform) {
        int index = Arrays.binarySearch(cumulative, uniform);
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }
}
