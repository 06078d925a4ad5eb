package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialmedia.infra.test.TestIssuer;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.Http;

import tools.jackson.databind.JsonNode;

/** Tokens as the real decoder judges them: signature, expiry and issuer, not the shortcuts of a MockMvc slice. */
class BearerTokenIT extends IntegrationTest {

    private static final String CREATE = "/api/v1/posts";
    private static final String BODY = "{\"message\":\"hello\"}";

    private Http http() {
        return api().http();
    }

    private static void isUnauthorized(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void aValidTokenActsForItsUser() {
        Answer answer = http().bearer(TestIssuer.token("erin")).send("POST", CREATE, BODY);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    @Test
    void noTokenIs401() {
        isUnauthorized(http().send("POST", CREATE, BODY));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        isUnauthorized(http().bearer(TestIssuer.foreign("erin")).send("POST", CREATE, BODY));
    }

    @Test
    void anExpiredTokenIs401() {
        Instant past = Instant.now().minusSeconds(7200);
        isUnauthorized(http().bearer(TestIssuer.token("erin", claims -> claims.issuedAt(past).expiresAt(past.plusSeconds(60))))
                .send("POST", CREATE, BODY));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        isUnauthorized(http().bearer(TestIssuer.token("erin", claims -> claims.issuer("https://elsewhere.test")))
                .send("POST", CREATE, BODY));
    }

    @Test
    void anUnsignedTokenIs401() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"iss\":\"" + TestIssuer.ISSUER + "\",\"sub\":\"erin\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}";
        String unsigned = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";

        isUnauthorized(http().bearer(unsigned).send("POST", CREATE, BODY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-jwt", "a.b.c"})
    void aMalformedTokenIs401(String token) {
        isUnauthorized(http().bearer(token).send("POST", CREATE, BODY));
    }

    @Test
    void theAdministrationNeedsTheAdminScope() {
        Answer answer = http().bearer(TestIssuer.token("erin")).send("POST", "/api/v1/admin/replay?postId=" + UUID.randomUUID(), null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theProbesAndTheApiDescriptionNeedNoToken() {
        assertThat(http().get("/livez").status()).isEqualTo(200);
        assertThat(http().get("/readyz").status()).isEqualTo(200);
        assertThat(http().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(http().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    /**
     * A range beyond the end of a static file of the Swagger UI is refused by Spring's resource
     * handler with the container's error page (a 416), and the container's error dispatch
     * re-enters the filter chain without any authentication: it keeps its status rather than
     * turning into a 401 (a MockMvc slice has no error dispatch, so only a real server shows this).
     */
    @Test
    void anAnonymousRequestAnsweredThroughTheErrorDispatchKeepsItsStatus() {
        Answer answer = http().send("GET", "/swagger-ui/swagger-ui.css", null, Map.of("Range", "bytes=100000000-"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(416);
    }

    @Test
    void anAnonymousRequestOutsideTheApiNeedsATokenToo() {
        isUnauthorized(http().get("/nothing-here"));
    }

    /** Commands and the administration name the bearer schemes; the admin's login asks for the admin scope. */
    @Test
    void theApiDescriptionSaysWhichOperationsNeedAToken() {
        JsonNode api = http().get("/v3/api-docs").json();

        assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(api.at("/components/securitySchemes/oauth2/flows/authorizationCode/tokenUrl").asString())
                .isEqualTo("http://localhost:9000/oauth2/token");
        JsonNode create = api.at("/paths/~1api~1v1~1posts/post");
        assertThat(create.get("security").toString()).contains("\"bearer\"", "\"oauth2\"");
        assertThat(create.path("parameters").toString()).as("the acting user is no parameter").doesNotContain("\"name\":\"name\"");
        assertThat(api.at("/paths/~1api~1v1~1admin~1replay/post/security").toString()).contains("posts.admin");
    }
}
