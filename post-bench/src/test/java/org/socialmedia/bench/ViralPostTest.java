package org.socialmedia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ViralPostTest {

    @Test
    void thePoolLastsAPhaseAtTheRateItIsSizedFor() {
        int users = ViralPost.usersNeeded(Duration.ofSeconds(5));

        double likesAtThatRate = ViralPost.LIKE_SHARE * ViralPost.POOL_SIZED_FOR_COMMANDS_PER_S * 5;
        assertThat(users).isGreaterThanOrEqualTo((int) likesAtThatRate).isLessThan((int) likesAtThatRate + 2);
        assertThat(ViralPost.usersNeeded(Duration.ofSeconds(20))).isBetween(4 * users - 4, 4 * users);
    }

    @Test
    void theLikeShareCountsAcceptedCommandsOnly() {
        assertThat(new ViralPost.Outcome(500, new Latencies(), 12, 70, 30, true).likeShare()).isEqualTo(0.7);
        assertThat(new ViralPost.Outcome(0, new Latencies(), 5, 0, 0, true).likeShare()).isNaN();
    }
}
