package org.socialmedia.devstack.e2e;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socialmedia.devstack.LocalStack;
import org.socialmedia.devstack.tokens.StackSigningKey;
import org.socialmedia.devstack.tokens.StackTokens;
import org.socialmedia.infra.test.TestIssuer;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.api.Http;
import org.socialmedia.testsupport.api.LookupApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialmedia.testsupport.api.Http.object;

/**
 * Who may do what, across the running stack, with tokens from its identity provider as a user
 * gets them: nobody acts as somebody else, nobody acts without a token, only the admin replays.
 * Each refusal is checked to have stored nothing: the next accepted command of the post gets
 * exactly the next version.
 */
@ExtendWith(RunningPair.class)
class IdentityIT {

    private static final String POSTS = "/api/v1/posts";

    private final CommandApi commands;
    private final LookupApi lookups;
    private final LocalStack stack;
    private final StackTokens tokens;

    IdentityIT(CommandApi commands, LookupApi lookups, LocalStack stack, StackTokens tokens) {
        this.commands = commands;
        this.lookups = lookups;
        this.stack = stack;
        this.tokens = tokens;
    }

    @Test
    void bobCannotDeleteAlicesPost() {
        UUID post = commands.createPost("alice", "mine, not bob's").id();

        Answer deletion = commands.removePost(post, "bob");

        assertForbidden(deletion);
        assertThat(lookups.post(post, 1).json().get("message").asString()).isEqualTo("mine, not bob's");
        assertThat(commands.likePost(post, "carol").version()).as("nothing stored by the refusal").isEqualTo(2);
        assertThat(commands.removePost(post, "alice").status()).isEqualTo(200);
    }

    @Test
    void withoutATokenEveryCommandIsUnauthorizedAndStoresNothing() {
        UUID post = commands.createPost("alice", "a post to aim at").id();
        Http anonymous = commands.http();

        Map<String, Answer> answers = Map.of(
                "create", anonymous.send("POST", POSTS, object("author", "alice", "message", "hello")),
                "edit", anonymous.send("PUT", POSTS + "/" + post + "/message", object("username", "alice", "message", "x")),
                "like", anonymous.send("POST", POSTS + "/" + post + "/likes", object("username", "alice")),
                "comment", anonymous.send("POST", POSTS + "/" + post + "/comments", object("username", "alice", "comment", "x")),
                "delete", anonymous.send("DELETE", POSTS + "/" + post + "?username=alice", null),
                "replay", anonymous.send("POST", "/api/v1/admin/replay", null));

        answers.forEach((command, answer) -> {
            assertThat(answer.status()).as(command + ": " + answer).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).as(command).startsWith("Bearer");
            assertThat(answer.contentType()).as(command).startsWith("application/problem+json");
        });
        assertThat(commands.likePost(post, "bob").version()).as("nothing stored by the refusals").isEqualTo(2);
    }

    @Test
    void aBodyMayNameTheActingUserButNoOtherOne() {
        Http alice = commands.http("alice");

        Answer oldStyle = alice.send("POST", POSTS, object("author", "alice", "message", "as older clients send it"));
        Answer newStyle = alice.send("POST", POSTS, object("message", "the author from the token"));
        Answer impostor = alice.send("POST", POSTS, object("author", "bob", "message", "in bob's name"));
        UUID post = oldStyle.id();
        Answer likeForBob = alice.send("POST", POSTS + "/" + post + "/likes", object("username", "bob"));
        Answer deleteForBob = alice.send("DELETE", POSTS + "/" + post + "?username=bob", null);

        assertThat(oldStyle.status()).isEqualTo(201);
        assertThat(newStyle.status()).isEqualTo(201);
        assertThat(lookups.post(newStyle.id(), 1).json().get("author").asString()).isEqualTo("alice");
        assertForbidden(impostor);
        assertForbidden(likeForBob);
        assertForbidden(deleteForBob);
        assertThat(lookups.all("author=bob")).noneMatch(shown -> shown.get("message").asString().equals("in bob's name"));
        assertThat(commands.likePost(post, "dave").version()).as("nothing stored by the refusals").isEqualTo(2);
    }

    @Test
    void onlyTheAdminReplays() {
        Answer byAlice = commands.http("alice").send("POST", "/api/v1/admin/replay", null);
        Answer byAdmin = commands.replay();

        assertForbidden(byAlice);
        assertThat(byAdmin.status()).isEqualTo(202);
    }

    @Test
    void tokensNoServiceMayTrustAreUnauthorized() {
        UUID post = commands.createPost("alice", "a post to aim at").id();
        StackSigningKey stolenKey = new StackSigningKey(stack);
        Map<String, String> refused = Map.of(
                "another issuer's, signed with its own key", TestIssuer.foreign("alice"),
                "the test issuer's, trusted by no stack", TestIssuer.token("alice"),
                "expired", stolenKey.expired("alice"),
                "unsigned (alg none)", stolenKey.unsigned("alice"),
                "another issuer named, the stack's key", stolenKey.sign("alice", claims -> claims.issuer("http://evil.test")));

        refused.forEach((kind, token) -> {
            Answer answer = commands.http().bearer(token).send("POST", POSTS + "/" + post + "/likes", object("username", "alice"));
            assertThat(answer.status()).as(kind + ": " + answer).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).as(kind).startsWith("Bearer");
            assertThat(answer.contentType()).as(kind).startsWith("application/problem+json");
        });
        Answer signedRight = commands.http().bearer(stolenKey.sign("alice", claims -> claims))
                .send("POST", POSTS + "/" + post + "/likes", object("username", "alice"));
        assertThat(signedRight.status()).as("the same claims, unchanged: the test's tokens differ only by their defect")
                .isEqualTo(200);
        assertThat(signedRight.version()).as("nothing stored by the refusals").isEqualTo(2);
    }

    @Test
    void aKnownUsersTokenComesFromTheProviderWithTheirPassword() {
        String token = tokens.forUser("carol");

        Answer created = commands.http().bearer(token).send("POST", POSTS, object("message", "logged in as carol"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(lookups.post(created.id(), 1).json().get("author").asString()).isEqualTo("carol");
    }

    private static void assertForbidden(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
    }
}
