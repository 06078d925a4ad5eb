package org.socialmedia.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ZipfPickerTest {

    /** 1 + 1/2 + 1/3 + 1/4: rank r is picked with probability (1 / (r + 1)) / H4. */
    private static final double H4 = 25.0 / 12;

    @Test
    void eachRankTakesAShareOfTheDrawsProportionalToOneOverItsRank() {
        ZipfPicker picker = new ZipfPicker(4);
        double first = 1 / H4;
        double second = first + 0.5 / H4;
        double third = second + (1.0 / 3) / H4;

        assertThat(picker.pick(0.0)).isZero();
        assertThat(picker.pick(first - 1e-9)).isZero();
        assertThat(picker.pick(first + 1e-9)).isEqualTo(1);
        assertThat(picker.pick(second + 1e-9)).isEqualTo(2);
        assertThat(picker.pick(third + 1e-9)).isEqualTo(3);
        assertThat(picker.pick(Math.nextDown(1.0))).isEqualTo(3);
    }

    @Test
    void aSinglePostIsAlwaysPicked() {
        ZipfPicker picker = new ZipfPicker(1);

        assertThat(IntStream.range(0, 1_000).map(i -> picker.next())).containsOnly(0);
    }

    @Test
    void randomDrawsFollowTheLaw() {
        ZipfPicker picker = new ZipfPicker(4);
        int draws = 200_000;
        int[] counts = new int[4];
        IntStream.range(0, draws).forEach(i -> counts[picker.next()]++);

        for (int rank = 0; rank < 4; rank++) {
            // Six standard deviations of a share estimated from 200,000 draws is under 0.007.
            assertThat(counts[rank] / (double) draws).as("share of rank %d", rank).isCloseTo(1.0 / (rank + 1) / H4, within(0.007));
        }
    }
}
