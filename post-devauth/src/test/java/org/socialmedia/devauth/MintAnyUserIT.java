package org.socialmedia.devauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.socialmedia.devauth.support.DevAuthClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The benchmark's switch: with it on, a token for any name, still signed, still without the admin scope. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.devauth.mint-any-user=true")
class MintAnyUserIT {

    @LocalServerPort
    int port;

    @Test
    void mintsASignedTokenForAnyName() {
        DevAuthClient client = new DevAuthClient(port);

        HttpResponse<String> response = client.post("/dev/mint?username=bench-user-4711");

        assertThat(response.statusCode()).isEqualTo(200);
        Jwt jwt = NimbusJwtDecoder.withJwkSetUri(client.url("/oauth2/jwks")).build().decode(response.body());
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("bench-user-4711");
        assertThat(jwt.getSubject()).isEqualTo("bench-user-4711");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("profile");
    }

    @Test
    void mintsNoAdminTokens() {
        DevAuthClient client = new DevAuthClient(port);

        Jwt jwt = NimbusJwtDecoder.withJwkSetUri(client.url("/oauth2/jwks")).build()
                .decode(client.post("/dev/mint?username=admin").body());

        assertThat(jwt.getClaimAsStringList("scope")).doesNotContain("posts.admin");
    }

    @Test
    void refusesNamesNoServiceWouldAccept() {
        assertThat(new DevAuthClient(port).post("/dev/mint?username=a%20b").statusCode()).isEqualTo(400);
    }
}
