package org.socialmedia.devstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token commands without a stack; {@code DevStackCommandsIT} runs them against one. */
class TokenCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void withoutARunningDevstackItSaysSoAndPrintsNothing() {
        int status = run(List.of("token", "alice", "--auth-port=" + FreePort.find()), Map.of());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No identity provider answers at http://localhost:")
                .contains("Is the devstack running?").contains("--auth-port");
    }

    @Test
    void theProvidersPortComesFromTheEnvironmentLikeTheStacksOwn() {
        int port = FreePort.find();

        run(List.of("mint", "erin"), Map.of("DEVSTACK_AUTH_PORT", String.valueOf(port)));

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("http://localhost:" + port);
    }

    @Test
    void aMissingOrExtraNameIsAUsageError() {
        assertThat(run(List.of("token"), Map.of())).isEqualTo(2);
        assertThat(run(List.of("token", "alice", "bob"), Map.of())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: ./devstack token USER");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void onlyTokenAndMintAreTokenCommands() {
        assertThat(TokenCommand.isOne(new String[] {"token", "alice"})).isTrue();
        assertThat(TokenCommand.isOne(new String[] {"mint", "erin"})).isTrue();
        assertThat(TokenCommand.isOne(new String[] {"--fresh"})).isFalse();
        assertThat(TokenCommand.isOne(new String[0])).isFalse();
    }

    private int run(List<String> args, Map<String, String> environment) {
        return TokenCommand.run(args, environment::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
