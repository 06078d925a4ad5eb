package org.socialmedia.devauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.socialmedia.devauth.support.DevAuthClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * With {@code app.devauth.key-file}, the key is made on the first start and kept: a token signed
 * before a restart still verifies against the key the provider publishes after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeptSigningKeyIT {

    private static final Path KEY_FILE = temporaryFolder().resolve("auth").resolve("signing-key.json");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry properties) {
        properties.add("app.devauth.key-file", KEY_FILE::toString);
    }

    @Test
    void publishesAndSignsWithTheKeyInTheFile() throws Exception {
        RSAKey kept = RSAKey.parse(Files.readString(KEY_FILE));
        DevAuthClient client = new DevAuthClient(port);

        String token = client.postAs("alice", "alice", "/dev/token").body();

        assertThat(client.get("/oauth2/jwks").body()).contains("\"kid\":\"" + kept.getKeyID() + "\"");
        Jwt verified = NimbusJwtDecoder.withPublicKey(kept.toRSAPublicKey()).build().decode(token);
        assertThat(verified.getHeaders()).containsEntry("kid", kept.getKeyID());
        assertThat(verified.getClaimAsString("preferred_username")).isEqualTo("alice");
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("devauth-key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
