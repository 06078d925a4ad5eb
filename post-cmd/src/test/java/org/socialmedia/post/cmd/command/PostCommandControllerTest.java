package org.socialmedia.post.cmd.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialmedia.cqrs.dispatch.Command;
import org.socialmedia.cqrs.dispatch.CommandDispatcher;
import org.socialmedia.cqrs.domain.GoneException;
import org.socialmedia.cqrs.domain.InvalidCommandException;
import org.socialmedia.cqrs.domain.NotFoundException;
import org.socialmedia.cqrs.domain.NotPermittedException;
import org.socialmedia.cqrs.domain.StaleVersionException;
import org.socialmedia.post.cmd.domain.CommandResult;
import org.socialmedia.post.cmd.domain.PostCommand.AddCommentCommand;
import org.socialmedia.post.cmd.domain.PostCommand.CreatePostCommand;
import org.socialmedia.post.cmd.domain.PostCommand.LikePostCommand;
import org.socialmedia.post.cmd.domain.PostCommand.RemoveCommentCommand;
import org.socialmedia.post.cmd.domain.PostCommand.RemovePostCommand;
import org.socialmedia.post.cmd.domain.PostCommand.UpdateMessageCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.ServletContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

// Its tests send dozens of commands as one user within a second or two; the rate limit has tests of its own.
@WebMvcTest(controllers = PostCommandController.class, properties = "app.security.rate-limit.enabled=false")
@Import(PostCommandControllerTest.Lookups.class)
class PostCommandControllerTest {

    private static final UUID POST = UUID.fromString("4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60");
    private static final UUID COMMENT = UUID.fromString("7a1e5a43-3cb5-4c1e-a1f4-6a4e0f1b2c3d");
    private static final String PROBLEM = "application/problem+json";
    private static final String LOOKUPS = "https://social.example/query";
    private static final String USER = "alice";
    private static final JsonMapper BODIES = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandDispatcher commands;

    /** The lookups behind a gateway, to show that a Location keeps the base URL's path. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Lookups {

        @Bean
        PostLocations postLocations() {
            return new PostLocations(URI.create(LOOKUPS));
        }
    }

    @Autowired
    JsonMapper jsonMapper;

    /**
     * Sends the request with a bearer token of the user it names in its body or query, as an older
     * client that still names its user does; a request that names none acts for {@link #USER}.
     */
    private ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(sent -> as(userNamedIn(sent)).postProcessRequest(sent)));
    }

    /** A token of this user, as the resource server would have decoded it. */
    private static RequestPostProcessor as(String user) {
        return jwt().jwt(token -> token.subject("id-of-" + user).claim("preferred_username", user));
    }

    private static String userNamedIn(MockHttpServletRequest request) {
        if (request.getParameter("username") != null) {
            return request.getParameter("username");
        }
        try {
            JsonNode body = BODIES.readTree(new String(request.getContentAsByteArray(), StandardCharsets.UTF_8));
            for (String field : List.of("author", "username")) {
                if (body.path(field).isString()) {
                    return body.get(field).asString();
                }
            }
        } catch (RuntimeException notJson) {
            // A malformed body names no user; the request is refused for its body anyway.
        }
        return USER;
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B json(B request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A request whose body comes without a Content-Length, as a chunked one does. */
    private static final class ChunkedRequestBuilder extends AbstractMockHttpServletRequestBuilder<ChunkedRequestBuilder> {

        ChunkedRequestBuilder(HttpMethod method, String uri, Object... uriVariables) {
            super(method);
            uri(uri, uriVariables);
            header("Transfer-Encoding", "chunked");
        }

        @Override
        protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
            return new MockHttpServletRequest(servletContext) {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }
            };
        }
    }

    private void answers(CommandResult result) {
        given(commands.dispatch(any(Command.class))).willReturn(result);
    }

    private void refuses(RuntimeException refusal) {
        given(commands.dispatch(any(Command.class))).willThrow(refusal);
    }

    private static ResultActions isProblem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isString())
                .andExpect(jsonPath("$.detail").isString())
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Nested
    class Identity {

        @Test
        void aCommandWithoutATokenIs401WithTheBearerChallenge() throws Exception {
            isProblem(mvc.perform(json(post("/api/v1/posts"), "{\"message\":\"hello\"}")), 401)
                    .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
            isProblem(mvc.perform(delete("/api/v1/posts/{id}", POST)), 401)
                    .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
            verify(commands, never()).dispatch(any(Command.class));
        }

        @Test
        void aCommandWithoutAUserInItsBodyActsForTheTokensUser() throws Exception {
            answers(CommandResult.of(POST, 1));

            mvc.perform(json(post("/api/v1/posts"), "{\"message\":\"hello\"}").with(as("dave")))
                    .andExpect(status().isCreated());
            mvc.perform(json(post("/api/v1/posts/{id}/likes", POST), "{}").with(as("dave")))
                    .andExpect(status().isOk());
            mvc.perform(delete("/api/v1/posts/{id}", POST).with(as("dave")))
                    .andExpect(status().isOk());
            verify(commands).dispatch(new CreatePostCommand("dave", "hello"));
            verify(commands).dispatch(new LikePostCommand(POST, "dave", OptionalLong.empty()));
            verify(commands).dispatch(new RemovePostCommand(POST, "dave", OptionalLong.empty()));
        }

        @Test
        void aBodyThatNamesTheTokensUserIsAccepted() throws Exception {
            answers(CommandResult.of(POST, 2));

            mvc.perform(json(post("/api/v1/posts/{id}/likes", POST), "{\"username\":\"bob\"}").with(as("bob")))
                    .andExpect(status().isOk());
            verify(commands).dispatch(new LikePostCommand(POST, "bob", OptionalLong.empty()));
        }

        @Test
        void aBodyThatNamesAnotherUserIs403NamingTheField() throws Exception {
            isProblem(mvc.perform(json(post("/api/v1/posts"), "{\"author\":\"alice\",\"message\":\"hello\"}").with(as("mallory"))), 403)
                    .andExpect(jsonPath("$.errors[0].field").value("author"));
            isProblem(mvc.perform(json(put("/api/v1/posts/{id}/message", POST), "{\"username\":\"alice\",\"message\":\"x\"}")
                    .with(as("mallory"))), 403)
                    .andExpect(jsonPath("$.errors[0].field").value("username"));
            verify(commands, never()).dispatch(any(Command.class));
        }

        @Test
        void aQueryThatNamesAnotherUserIs403NamingTheParameter() throws Exception {
            isProblem(mvc.perform(delete("/api/v1/posts/{id}/comments/{c}", POST, COMMENT).param("username", "carol")
                    .with(as("mallory"))), 403)
                    .andExpect(jsonPath("$.errors[0].field").value("username"));
            verify(commands, never()).dispatch(any(Command.class));
        }

        @Test
        void theSameNameInAnotherUnicodeFormIsTheSameUser() throws Exception {
            answers(CommandResult.of(POST, 1));

            mvc.perform(json(post("/api/v1/posts"), "{\"author\":\"Jose\\u0301\",\"message\":\"hi\"}").with(as("Jos\u00e9")))
                    .andExpect(status().isCreated());
        }

        @Test
        void aTokenWithoutTheUsernameClaimActsForItsSubject() throws Exception {
            answers(CommandResult.of(POST, 1));

            mvc.perform(json(post("/api/v1/posts"), "{\"message\":\"hello\"}")
                            .with(jwt().jwt(token -> token.subject("user-7").claims(claims -> claims.remove("preferred_username")))))
                    .andExpect(status().isCreated());
            verify(commands).dispatch(new CreatePostCommand("user-7", "hello"));
        }

        @Test
        void aBrowserOnAnAllowedOriginMaySendTheTokenAndReadTheAnswersHeaders() throws Exception {
            mvc.perform(options("/api/v1/posts").header("Origin", "http://localhost:5173")
                            .header("Access-Control-Request-Method", "POST")
                            .header("Access-Control-Request-Headers", "authorization, content-type"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Access-Control-Allow-Headers", containsString("authorization")));
            answers(CommandResult.of(POST, 1));
            mvc.perform(json(post("/api/v1/posts"), "{\"message\":\"hello\"}").header("Origin", "http://localhost:5173").with(as(USER)))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Access-Control-Expose-Headers", allOf(
                            containsString("ETag"), containsString("Location"), containsString("Retry-After"),
                            containsString("WWW-Authenticate"))));
        }
    }

    @Nested
    class Success {

        @Test
        void creatingAPostAnswers201WithTheLocationWhereTheLookupsServeIt() throws Exception {
            answers(CommandResult.of(POST, 1));

            perform(json(post("/api/v1/posts"), """
                    {"author":"alice","message":"hello"}"""))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", LOOKUPS + "/api/v1/posts/" + POST))
                    .andExpect(header().string("ETag", "\"1\""))
                    .andExpect(jsonPath("$.id").value(POST.toString()))
                    .andExpect(jsonPath("$.version").value(1));
            verify(commands).dispatch(new CreatePostCommand("alice", "hello"));
        }

        @Test
        void updatingTheMessagePassesIfMatchAsExpectedVersion() throws Exception {
            answers(CommandResult.of(POST, 4));

            perform(json(put("/api/v1/posts/{id}/message", POST), """
                    {"username":"alice","message":"edited"}""").header("If-Match", "\"3\""))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"4\""))
                    .andExpect(jsonPath("$.version").value(4));
            verify(commands).dispatch(new UpdateMessageCommand(POST, "alice", "edited", OptionalLong.of(3)));
        }

        @Test
        void likingAnswers200WithTheVersion() throws Exception {
            answers(CommandResult.of(POST, 2));

            perform(json(post("/api/v1/posts/{id}/likes", POST), """
                    {"username":"bob"}"""))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(POST.toString()))
                    .andExpect(jsonPath("$.version").value(2));
            verify(commands).dispatch(new LikePostCommand(POST, "bob", OptionalLong.empty()));
        }

        @Test
        void commentingAnswers201WithTheLocationOfThePostThatHoldsTheComment() throws Exception {
            given(commands.dispatch(any(AddCommentCommand.class))).willReturn(new CommandResult(POST, 3, COMMENT));

            perform(json(post("/api/v1/posts/{id}/comments", POST), """
                    {"username":"carol","comment":"nice"}"""))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", LOOKUPS + "/api/v1/posts/" + POST))
                    .andExpect(header().string("ETag", "\"3\""))
                    .andExpect(jsonPath("$.id").value(POST.toString()))
                    .andExpect(jsonPath("$.commentId").value(COMMENT.toString()))
                    .andExpect(jsonPath("$.version").value(3));
        }

        @Test
        void updatingACommentAnswers200() throws Exception {
            answers(CommandResult.of(POST, 4));

            perform(json(put("/api/v1/posts/{id}/comments/{c}", POST, COMMENT), """
                    {"username":"carol","comment":"very nice"}"""))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(4));
        }

        @Test
        void removingACommentTakesTheUsernameFromTheQuery() throws Exception {
            answers(CommandResult.of(POST, 5));

            perform(delete("/api/v1/posts/{id}/comments/{c}", POST, COMMENT).param("username", "carol"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"5\""));
            verify(commands).dispatch(new RemoveCommentCommand(POST, COMMENT, "carol", OptionalLong.empty()));
        }

        @Test
        void removingAPostAcceptsAWeakEtag() throws Exception {
            answers(CommandResult.of(POST, 6));

            perform(delete("/api/v1/posts/{id}", POST).param("username", "alice").header("If-Match", "W/\"5\""))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(6));
            verify(commands).dispatch(new RemovePostCommand(POST, "alice", OptionalLong.of(5)));
        }
    }

    @Nested
    class ClientMistakes {

        @Test
        void missingFieldsAre400NamingEachField() throws Exception {
            isProblem(perform(json(post("/api/v1/posts/{id}/comments", POST), "{}")), 400)
                    .andExpect(jsonPath("$.errors[*].field", contains("comment")));
            isProblem(perform(json(post("/api/v1/posts"), "{}")), 400)
                    .andExpect(jsonPath("$.errors[*].field", contains("message")));
            verify(commands, never()).dispatch(any(Command.class));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"author\":\"\",\"message\":\"hello\"}",
                "{\"author\":\"   \",\"message\":\"hello\"}"})
        void blankAuthorIs400(String body) throws Exception {
            isProblem(perform(json(post("/api/v1/posts"), body)), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("author"));
        }

        @Test
        void tooLongValuesAre400() throws Exception {
            String body = "{\"author\":\"" + "a".repeat(65) + "\",\"message\":\"" + "m".repeat(5001) + "\"}";
            isProblem(perform(json(post("/api/v1/posts"), body)), 400)
                    .andExpect(jsonPath("$.errors[*].field", hasItem("author")))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("message")));
        }

        @Test
        void tooLongCommentIs400() throws Exception {
            String body = "{\"username\":\"carol\",\"comment\":\"" + "c".repeat(2001) + "\"}";
            isProblem(perform(json(post("/api/v1/posts/{id}/comments", POST), body)), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("comment"));
        }

        @Test
        void aNumberWhereTextIsExpectedIs400() throws Exception {
            isProblem(perform(json(post("/api/v1/posts/{id}/likes", POST), "{\"username\":42}")), 400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"author\":", "not json", "[]", "\"text\""})
        void malformedJsonIs400(String body) throws Exception {
            isProblem(perform(json(post("/api/v1/posts"), body)), 400);
        }

        @Test
        void missingBodyIs400() throws Exception {
            isProblem(perform(post("/api/v1/posts/{id}/comments", POST).contentType(MediaType.APPLICATION_JSON)), 400);
        }

        @Test
        void aLikeNeedsNoBodyAndStillRefusesOneThatIsNotJson() throws Exception {
            answers(CommandResult.of(POST, 2));

            mvc.perform(post("/api/v1/posts/{id}/likes", POST).with(as("dave"))).andExpect(status().isOk());
            verify(commands).dispatch(new LikePostCommand(POST, "dave", OptionalLong.empty()));
            isProblem(mvc.perform(post("/api/v1/posts/{id}/likes", POST).with(as("dave"))
                    .contentType(MediaType.TEXT_PLAIN).content("bob")), 415);
        }

        @Test
        void bodyThatIsNotJsonIs415() throws Exception {
            isProblem(perform(post("/api/v1/posts").contentType(MediaType.TEXT_PLAIN).content("author=alice")), 415);
        }

        @Test
        void undecodableFormBodyIs415() throws Exception {
            isProblem(perform(put("/api/v1/posts/{id}/message", POST).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("username=%zz")), 415);
        }

        @Test
        void parametersTheServerCannotDecodeAre400() throws Exception {
            refuses(new InvalidParameterException("Character decoding failed"));

            isProblem(perform(delete("/api/v1/posts/{id}", POST).param("username", "alice")), 400);
        }

        @Test
        void malformedPostIdIs400() throws Exception {
            isProblem(perform(json(post("/api/v1/posts/{id}/likes", "not-a-uuid"), "{\"username\":\"bob\"}")), 400)
                    .andExpect(jsonPath("$.detail", containsString("id")));
        }

        @Test
        void malformedCommentIdIs400() throws Exception {
            isProblem(perform(delete("/api/v1/posts/{id}/comments/{c}", POST, "123").param("username", "carol")), 400);
        }


        @Test
        void blankUsernameOnDeleteIs400NamingIt() throws Exception {
            isProblem(perform(delete("/api/v1/posts/{id}", POST).param("username", " ")), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("username"));
        }

        @Test
        void malformedIfMatchIs400() throws Exception {
            isProblem(perform(json(post("/api/v1/posts/{id}/likes", POST), "{\"username\":\"bob\"}").header("If-Match", "three")), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        }

        @Test
        void invalidValueFoundByTheAggregateIs400() throws Exception {
            refuses(new InvalidCommandException("message", "must not be blank"));

            isProblem(perform(json(put("/api/v1/posts/{id}/message", POST), "{\"username\":\"alice\",\"message\":\"ok\"}")), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("message"));
        }

        @Test
        void unknownRouteIs404() throws Exception {
            isProblem(perform(post("/api/v1/nothing-here")), 404);
        }
    }

    @Nested
    class Refusals {

        @Test
        void unknownPostIs404() throws Exception {
            refuses(new NotFoundException("post does not exist"));
            isProblem(perform(json(post("/api/v1/posts/{id}/likes", POST), "{\"username\":\"bob\"}")), 404);
        }

        @Test
        void removedPostIs410() throws Exception {
            refuses(new GoneException("post has been removed"));
            isProblem(perform(delete("/api/v1/posts/{id}", POST).param("username", "alice")), 410);
        }

        @Test
        void someoneElsesPostIs403() throws Exception {
            refuses(new NotPermittedException("only the author"));
            isProblem(perform(json(put("/api/v1/posts/{id}/message", POST), "{\"username\":\"bob\",\"message\":\"x\"}")), 403);
        }

        @Test
        void staleIfMatchIs412WithTheCurrentEtag() throws Exception {
            refuses(new StaleVersionException(POST, 3, 5));
            isProblem(perform(json(post("/api/v1/posts/{id}/likes", POST), "{\"username\":\"bob\"}").header("If-Match", "\"3\"")), 412)
                    .andExpect(header().string("ETag", "\"5\""));
        }

        @Test
        void commandThatKeepsLosingRacesIs409() throws Exception {
            refuses(new CommandRetriesExhaustedException(POST, 10));
            isProblem(perform(json(post("/api/v1/posts/{id}/likes", POST), "{\"username\":\"bob\"}")), 409);
        }

        @Test
        void commandThatWaitedTooLongForItsPostIs503WithRetryAfter() throws Exception {
            refuses(new PostBusyException(POST, Duration.ofSeconds(10)));
            isProblem(perform(json(post("/api/v1/posts/{id}/likes", POST), "{\"username\":\"bob\"}")), 503)
                    .andExpect(header().string("Retry-After", "1"));
        }

        @Test
        void unexpectedFailureIs500WithoutInternals() throws Exception {
            refuses(new IllegalStateException("secret internals"));
            isProblem(perform(json(post("/api/v1/posts/{id}/likes", POST), "{\"username\":\"bob\"}")), 500)
                    .andExpect(jsonPath("$.detail", not(containsString("secret"))));
        }
    }

    @Nested
    class TextThatCannotBeStoredFaithfully {

        private ResultActions isRefusedNaming(ResultActions result, String field, String message) throws Exception {
            isProblem(result, 400)
                    .andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.errors[0].message", containsString(message)));
            verify(commands, never()).dispatch(any(Command.class));
            return result;
        }

        @Test
        void aNulInTheMessageIs400NamingIt() throws Exception {
            isRefusedNaming(perform(json(post("/api/v1/posts"), """
                    {"author":"alice","message":"hello\\u0000"}""")), "message", "must not contain control characters");
        }

        @Test
        void aNulInTheAuthorIs400NamingIt() throws Exception {
            isRefusedNaming(perform(json(post("/api/v1/posts"), """
                    {"author":"al\\u0000ice","message":"hello"}""")), "author", "must not contain control characters");
        }

        @Test
        void aNulInACommentIs400NamingIt() throws Exception {
            isRefusedNaming(perform(json(post("/api/v1/posts/{id}/comments", POST), """
                    {"username":"carol","comment":"\\u0000"}""")), "comment", "must not contain control characters");
        }

        @Test
        void aNulInTheUsernameOfALikeIs400NamingIt() throws Exception {
            isRefusedNaming(perform(json(post("/api/v1/posts/{id}/likes", POST), """
                    {"username":"bob\\u0000"}""")), "username", "must not contain control characters");
        }

        @Test
        void aNulInTheUsernameOfADeleteIs400NamingIt() throws Exception {
            isRefusedNaming(perform(delete("/api/v1/posts/{id}", POST).param("username", "alice\u0000")),
                    "username", "must not contain control characters");
            isRefusedNaming(perform(delete("/api/v1/posts/{id}/comments/{c}", POST, COMMENT).param("username", "\u0000carol")),
                    "username", "must not contain control characters");
        }

        @Test
        void aCarriageReturnInAMessageIs400() throws Exception {
            isRefusedNaming(perform(json(put("/api/v1/posts/{id}/message", POST), """
                    {"username":"alice","message":"one\\r\\ntwo"}""")), "message", "other than line feed and tab (found U+000D)");
        }

        @Test
        void tabsAndLineFeedsInAMessageAreAccepted() throws Exception {
            answers(CommandResult.of(POST, 1));

            perform(json(post("/api/v1/posts"), """
                    {"author":"alice","message":"list:\\n\\t- one\\n\\t- two"}"""))
                    .andExpect(status().isCreated());
            verify(commands).dispatch(new CreatePostCommand("alice", "list:\n\t- one\n\t- two"));
        }

        @Test
        void aLoneSurrogateIs400() throws Exception {
            isRefusedNaming(perform(json(post("/api/v1/posts"), """
                    {"author":"alice","message":"half an emoji: \\ud800"}""")), "message", "unpaired surrogates (found U+D800)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\\uffff", "\\ufdd0"})
        void nonCharactersAre400(String escaped) throws Exception {
            isRefusedNaming(perform(json(post("/api/v1/posts"), "{\"author\":\"alice\",\"message\":\"x" + escaped + "\"}")),
                    "message", "must not contain Unicode non-characters");
        }

        @Test
        void sixtyFourEmojiAreAcceptedAndSixtyFiveAreNot() throws Exception {
            String emoji = "\uD83D\uDE00";

            isRefusedNaming(perform(json(post("/api/v1/posts"), "{\"author\":\"" + emoji.repeat(65) + "\",\"message\":\"hi\"}")),
                    "author", "must be at most 64 characters");
            answers(CommandResult.of(POST, 1));
            perform(json(post("/api/v1/posts"), "{\"author\":\"" + emoji.repeat(64) + "\",\"message\":\"hi\"}"))
                    .andExpect(status().isCreated());
            verify(commands).dispatch(new CreatePostCommand(emoji.repeat(64), "hi"));
        }

        @Test
        void aNoBreakSpaceAloneIsBlank() throws Exception {
            isRefusedNaming(perform(json(post("/api/v1/posts/{id}/comments", POST), """
                    {"username":"carol","comment":"\\u00a0\\u3000"}""")), "comment", "must not be blank");
        }

        @Test
        void everyOffendingFieldIsNamed() throws Exception {
            isProblem(perform(json(post("/api/v1/posts"), """
                    {"author":"\\u0000","message":"\\u00a0"}""")), 400)
                    .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("author", "message")))
                    .andExpect(jsonPath("$.errors[*].message", containsInAnyOrder(
                            "must not contain control characters (found U+0000)", "must not be blank")));
        }
    }

    @Nested
    class HostileLoad {

        private static final int LIMIT = 64 * 1024;

        /** A valid like, padded with JSON whitespace to exactly {@code size} bytes. */
        private static String likeOfSize(int size) {
            String like = "{\"username\":\"bob\"}";
            return like + " ".repeat(size - like.length());
        }

        @Test
        void aBodyOfExactlyTheLimitIsRead() throws Exception {
            answers(CommandResult.of(POST, 2));

            perform(json(post("/api/v1/posts/{id}/likes", POST), likeOfSize(LIMIT))).andExpect(status().isOk());
            perform(json(new ChunkedRequestBuilder(HttpMethod.POST, "/api/v1/posts/{id}/likes", POST), likeOfSize(LIMIT)))
                    .andExpect(status().isOk());
        }

        @Test
        void aBodyOverTheLimitWithAContentLengthIs413() throws Exception {
            isProblem(perform(json(post("/api/v1/posts/{id}/likes", POST), likeOfSize(LIMIT + 1))), 413)
                    .andExpect(jsonPath("$.detail", containsString(String.valueOf(LIMIT))));
            verify(commands, never()).dispatch(any(Command.class));
        }

        @Test
        void aBodyOverTheLimitWithoutAContentLengthIs413() throws Exception {
            isProblem(perform(json(new ChunkedRequestBuilder(HttpMethod.POST, "/api/v1/posts/{id}/likes", POST),
                    likeOfSize(LIMIT + 1))), 413);
            verify(commands, never()).dispatch(any(Command.class));
        }

        @Test
        void aBodyOverTheLimitIs413EvenWhereNoBodyIsExpected() throws Exception {
            isProblem(perform(delete("/api/v1/posts/{id}", POST).param("username", "alice").content(likeOfSize(LIMIT + 1))), 413);
        }

        @Test
        void deeplyNestedJsonIs400() throws Exception {
            String deep = "[".repeat(100) + "]".repeat(100);
            isProblem(perform(json(post("/api/v1/posts/{id}/likes", POST), "{\"username\":\"bob\",\"extra\":" + deep + "}")), 400)
                    .andExpect(jsonPath("$.detail", containsString("goes beyond any request")));
            verify(commands, never()).dispatch(any(Command.class));
        }

        @Test
        void aHugeNumberIs400() throws Exception {
            String huge = "9".repeat(100);
            isProblem(perform(json(post("/api/v1/posts/{id}/likes", POST), "{\"username\":\"bob\",\"extra\":" + huge + "}")), 400)
                    .andExpect(jsonPath("$.detail", containsString("goes beyond any request")));
            verify(commands, never()).dispatch(any(Command.class));
        }

        @Test
        void anOverLongStringIs400BeforeItIsBound() throws Exception {
            String message = "x".repeat(20_001);
            isProblem(perform(json(post("/api/v1/posts"), "{\"author\":\"alice\",\"message\":\"" + message + "\"}")), 400)
                    .andExpect(jsonPath("$.detail", containsString("goes beyond any request")));
            verify(commands, never()).dispatch(any(Command.class));
        }

        @Test
        void anOverLongPropertyNameIs400() throws Exception {
            String name = "n".repeat(65);
            isProblem(perform(json(post("/api/v1/posts/{id}/likes", POST), "{\"username\":\"bob\",\"" + name + "\":1}")), 400)
                    .andExpect(jsonPath("$.detail", containsString("goes beyond any request")));
            verify(commands, never()).dispatch(any(Command.class));
        }

        @Test
        void jsonIsReadNoFurtherThanTheBodyLimit() {
            assertThat(jsonMapper.tokenStreamFactory().streamReadConstraints().getMaxDocumentLength()).isEqualTo(LIMIT);
        }
    }
}
