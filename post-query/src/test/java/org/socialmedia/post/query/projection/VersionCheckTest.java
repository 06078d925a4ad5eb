package org.socialmedia.post.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VersionCheckTest {

    @Nested
    class UnknownPost {

        @Test
        void itsFirstVersionIsApplied() {
            assertThat(VersionCheck.of(0, 1)).isEqualTo(VersionCheck.APPLY);
        }

        @Test
        void aLaterVersionWaitsForTheCreation() {
            assertThat(VersionCheck.of(0, 2)).isEqualTo(VersionCheck.PARK);
        }
    }

    @Nested
    class KnownPost {

        @Test
        void theNextVersionIsApplied() {
            assertThat(VersionCheck.of(4, 5)).isEqualTo(VersionCheck.APPLY);
        }

        @Test
        void theCurrentVersionAgainIsADuplicate() {
            assertThat(VersionCheck.of(4, 4)).isEqualTo(VersionCheck.DUPLICATE);
        }

        @Test
        void anOlderVersionIsADuplicate() {
            assertThat(VersionCheck.of(4, 1)).isEqualTo(VersionCheck.DUPLICATE);
        }

        @Test
        void aVersionBeyondTheNextIsParked() {
            assertThat(VersionCheck.of(4, 6)).isEqualTo(VersionCheck.PARK);
        }
    }
}
