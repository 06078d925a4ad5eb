package org.socialmedia.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortCheckTest {

    @Test
    void aTakenPortIsNamedWithTheOptionThatChangesIt() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            // Loopback only, as the embedded servers listen: the check must still see it.
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> PortCheck.requireFree(new StackPorts(0, 0, port, 0, 0, 0, 0, 0, 0)))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + port + " (Kafka) is already in use")
                    .hasMessageContaining("--kafka-port=PORT")
                    .hasMessageContaining("DEVSTACK_KAFKA_PORT=PORT");
        }
    }

    @Test
    void theIdentityProvidersPortIsCheckedToo() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> PortCheck.requireFree(new StackPorts(0, 0, 0, 0, 0, port, 0, 0, 0)))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("(the identity provider) is already in use")
                    .hasMessageContaining("--auth-port=PORT");
        }
    }

    @Test
    void aManagementPortMayNotBeTheOtherServicesApiPort() {
        int port = FreePort.find();

        assertThatThrownBy(() -> PortCheck.requireFree(new StackPorts(0, port, 0, 0, 0, 0, port, 0, 0)))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining("--query-port")
                .hasMessageContaining("--cmd-management-port");
    }

    @Test
    void freePortsPass() {
        assertThatCode(() -> PortCheck.requireFree(new StackPorts(FreePort.find(), 0, 0, 0, 0, FreePort.find(), FreePort.find(), 0, 0))).doesNotThrowAnyException();
    }

    @Test
    void thePortGivenToTwoServersIsRefused() {
        int port = FreePort.find();

        assertThatThrownBy(() -> PortCheck.requireFree(new StackPorts(port, port, 0, 0, 0, 0, 0, 0, 0)))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining("--cmd-port")
                .hasMessageContaining("--query-port");
    }
}
