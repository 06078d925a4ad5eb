package org.socialmedia.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DevStackOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void withoutOptionsTheStackUsesTheUsualPortsAndTheRepositorysDataFolder() {
        DevStackOptions options = parse(List.of(), Map.of());

        assertThat(options.ports()).isEqualTo(StackPorts.defaults());
        assertThat(options.dataDir()).isEqualTo(ROOT.resolve(".devstack"));
        assertThat(options.fresh()).isFalse();
        assertThat(options.help()).isFalse();
    }

    @Test
    void optionsAreReadWithOrWithoutEqualsSign() {
        DevStackOptions options = parse(List.of("--fresh", "--kafka-port=19092", "--data-dir", "/tmp/stack", "--cmd-port", "18081"), Map.of());

        assertThat(options.fresh()).isTrue();
        assertThat(options.ports().kafka()).isEqualTo(19092);
        assertThat(options.ports().commandService()).isEqualTo(18081);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/stack"));
    }

    @Test
    void environmentVariablesSetOptionsAndTheCommandLineWins() {
        DevStackOptions options = parse(List.of("--query-port=18082"),
                Map.of("DEVSTACK_QUERY_PORT", "28082", "DEVSTACK_POSTGRES_PORT", "15432", "DEVSTACK_FRESH", "true"));

        assertThat(options.ports().queryService()).isEqualTo(18082);
        assertThat(options.ports().postgres()).isEqualTo(15432);
        assertThat(options.fresh()).isTrue();
    }

    @Test
    void theIdentityProviderAndTheManagementPortsHaveOptionsLikeTheOthers() {
        assertThat(StackPorts.defaults().auth()).isEqualTo(9000);
        assertThat(StackPorts.defaults().commandServiceManagement()).isEqualTo(8091);
        assertThat(StackPorts.defaults().queryServiceManagement()).isEqualTo(8092);

        DevStackOptions options = parse(List.of("--auth-port=19000", "--cmd-management-port", "18091"),
                Map.of("DEVSTACK_QUERY_MANAGEMENT_PORT", "18092", "DEVSTACK_AUTH_PORT", "29000"));

        assertThat(options.ports().auth()).isEqualTo(19000);
        assertThat(options.ports().commandServiceManagement()).isEqualTo(18091);
        assertThat(options.ports().queryServiceManagement()).isEqualTo(18092);
        assertThat(DevStackOptions.USAGE).contains("--auth-port=PORT", "--cmd-management-port=PORT",
                "--query-management-port=PORT", "./devstack token", "./devstack mint");
    }

    @Test
    void theSocialAppIsOnPort3000UnlessToldOtherwise() {
        assertThat(StackPorts.defaults().web()).isEqualTo(3000);

        assertThat(parse(List.of("--web-port=13000"), Map.of()).ports().web()).isEqualTo(13000);
        assertThat(parse(List.of(), Map.of("DEVSTACK_WEB_PORT", "23000")).ports().web()).isEqualTo(23000);
        assertThat(DevStackOptions.USAGE).contains("--web-port=PORT");
    }

    @Test
    void anUnknownOptionOrABadPortIsRefusedWithItsName() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(List.of("--kafka=1"), Map.of()))
                .withMessageContaining("--kafka");
        assertThatIllegalArgumentException().isThrownBy(() -> parse(List.of("--mongo-port=abc"), Map.of()))
                .withMessageContaining("--mongo-port").withMessageContaining("abc");
        assertThatIllegalArgumentException().isThrownBy(() -> parse(List.of("--mongo-port=70000"), Map.of()))
                .withMessageContaining("--mongo-port");
    }

    @Test
    void helpIsRecognised() {
        assertThat(parse(List.of("--help"), Map.of()).help()).isTrue();
    }

    private static DevStackOptions parse(List<String> args, Map<String, String> environment) {
        return DevStackOptions.parse(args, environment::get, ROOT);
    }
}
