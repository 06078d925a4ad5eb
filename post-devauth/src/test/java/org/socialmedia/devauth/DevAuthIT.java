package org.socialmedia.devauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialmedia.devauth.support.Browser;
import org.socialmedia.devauth.support.DevAuthClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The identity provider as the services and curl see it: discovery, keys, and dev tokens that
 * verify against the published keys and carry the claims the services read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.security.oauth2.authorizationserver.issuer=" + DevAuthIT.ISSUER)
class DevAuthIT {

    /** Not the test's address: the issuer is configured, never derived from the request. */
    static final String ISSUER = "http://devauth.test:9000";

    @LocalServerPort
    int port;

    DevAuthClient client;

    @BeforeEach
    void connect() {
        client = new DevAuthClient(port);
    }

    @Test
    void publishesTheOpenIdConfigurationWithTheConfiguredIssuer() {
        HttpResponse<String> discovery = client.get("/.well-known/openid-configuration");

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + ISSUER + "\"")
                .contains("\"jwks_uri\":\"" + ISSUER + "/oauth2/jwks\"")
                .contains("\"authorization_endpoint\":\"" + ISSUER + "/oauth2/authorize\"")
                .contains("\"token_endpoint\":\"" + ISSUER + "/oauth2/token\"")
                .contains("S256");
    }

    @Test
    void publishesOneRsaSigningKey() {
        HttpResponse<String> jwks = client.get("/oauth2/jwks");

        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"RSA\"").contains("\"kid\"");
    }

    @Test
    void aUserGetsATokenWithTheirNameAndNoAdminScope() {
        HttpResponse<String> response = client.postAs("alice", "alice", "/dev/token");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        Jwt jwt = verify(response.body());
        assertThat(jwt.getIssuer()).hasToString(ISSUER);
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("alice");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("profile");
        assertThat(jwt.getAudience()).containsExactly("social-web");
        assertThat(jwt.getExpiresAt()).isAfter(jwt.getIssuedAt());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
    }

    @Test
    void theAdminGetsTheAdminScope() {
        Jwt jwt = verify(client.postAs("admin", "admin", "/dev/token").body());

        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("admin");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("profile", "posts.admin");
    }

    @Test
    void askingForTheAdminScopeDoesNotGiveItToAUser() {
        HttpResponse<String> response = client.postAs("bob", "bob", "/dev/token?scope=profile%20posts.admin");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(verify(response.body()).getClaimAsStringList("scope")).containsExactly("profile");
    }

    @Test
    void aWrongPasswordIsRefused() {
        HttpResponse<String> response = client.postAs("alice", "bob", "/dev/token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
    }

    @Test
    void noPasswordIsRefused() {
        assertThat(client.post("/dev/token").statusCode()).isEqualTo(401);
    }

    @Test
    void mintingForAnyUserIsOffByDefault() {
        assertThat(client.post("/dev/mint?username=somebody").statusCode()).isEqualTo(404);
        assertThat(client.postAs("alice", "alice", "/dev/mint?username=somebody").statusCode()).isEqualTo(404);
    }

    @Test
    void browserAppsMayCallTheTokenEndpoints() {
        for (String path : new String[] {"/oauth2/token", "/dev/token"}) {
            HttpResponse<String> preflight = client.preflight(path, "http://localhost:5173");

            assertThat(preflight.statusCode()).as(path).isEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(path)
                    .hasValue("http://localhost:5173");
        }
    }

    /**
     * What the "Authorize" button of each service's Swagger UI does: the code flow back to its
     * {@code oauth2-redirect.html}, then the token asked for from the Swagger UI's own origin.
     */
    @Test
    void theSwaggerUisOfBothServicesCanAuthorize() {
        for (String swaggerUi : new String[] {"http://localhost:8081", "http://localhost:8082"}) {
            HttpResponse<String> preflight = client.preflight("/oauth2/token", swaggerUi);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(swaggerUi).hasValue(swaggerUi);

            Jwt jwt = verify(new Browser(port).accessToken("bob", "bob", "openid profile",
                    swaggerUi + "/swagger-ui/oauth2-redirect.html"));

            assertThat(jwt.getClaimAsString("preferred_username")).as(swaggerUi).isEqualTo("bob");
        }
    }

    @Test
    void otherOriginsMayNot() {
        assertThat(client.preflight("/oauth2/token", "http://evil.test").statusCode()).isEqualTo(403);
    }

    @Test
    void theBrowserFlowGivesAUserTheirNameAndNoAdminScope() {
        Jwt jwt = verify(new Browser(port).accessToken("alice", "alice", "openid profile posts.admin"));

        assertThat(jwt.getIssuer()).hasToString(ISSUER);
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("alice");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile");
    }

    @Test
    void theBrowserFlowGivesTheAdminTheAdminScope() {
        Jwt jwt = verify(new Browser(port).accessToken("admin", "admin", "openid posts.admin"));

        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("admin");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "posts.admin");
    }

    @Test
    void theBrowserFlowRefusesAnUnregisteredRedirect() {
        HttpResponse<String> response = client.get("/oauth2/authorize?response_type=code&client_id=social-web"
                + "&redirect_uri=http://evil.test/callback&scope=openid&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    private Jwt verify(String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(client.url("/oauth2/jwks")).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder.decode(token);
    }
}
