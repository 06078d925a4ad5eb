package org.socialmedia.post.query.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialmedia.cqrs.dispatch.QueryDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.CannotCreateTransactionException;

@WebMvcTest(controllers = PostLookupController.class, properties = "app.cors.allowed-origins=https://app.example")
@Import(ShortVersionWaits.class)
class PostLookupControllerTest {

    private static final UUID POST_ID = UUID.fromString("4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60");
    private static final UUID COMMENT_ID = UUID.fromString("0b6f1f8e-5d0c-4c55-9d5e-2c8d1c1f3a01");
    private static final PostDetails POST = new PostDetails(POST_ID, "alice", "hello",
            Instant.parse("2026-11-22T14:00:00.123Z"), 2, 3,
            List.of(new CommentDetails(COMMENT_ID, "bob", "nice", Instant.parse("2026-11-22T14:05:00Z"), true)));
    private static final String POST_JSON = """
            {"id":"4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60","author":"alice","message":"hello",
             "datePosted":"2026-11-22T14:00:00.123Z","likes":2,"version":3,
             "comments":[{"id":"0b6f1f8e-5d0c-4c55-9d5e-2c8d1c1f3a01","username":"bob","comment":"nice",
                          "commentDate":"2026-11-22T14:05:00Z","edited":true}]}""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    QueryDispatcher queries;

    @MockitoSpyBean
    VersionAwaiter versions;

    @Nested
    class ListingPosts {

        @Test
        void answersTheFirstPageOfTwentyUnfilteredByDefault() {
            given(queries.dispatch(any(FindPostsQuery.class)))
                    .willReturn(new PageImpl<>(List.of(POST), PageRequest.of(0, 20), 1));

            assertThat(mvc.get().uri("/api/v1/posts")).hasStatusOk()
                    .bodyJson().isStrictlyEqualTo("""
                            {"content":[%s],"page":{"size":20,"number":0,"totalElements":1,"totalPages":1}}"""
                            .formatted(POST_JSON));
            verify(queries).dispatch(new FindPostsQuery(PostFilter.NONE, 0, 20));
        }

        @Test
        void passesEveryFilterAndThePage() {
            given(queries.dispatch(any(FindPostsQuery.class)))
                    .willReturn(new PageImpl<>(List.of(), PageRequest.of(2, 5), 10));

            assertThat(mvc.get().uri("/api/v1/posts?author=alice&withComments=true&minLikes=3&page=2&size=5"))
                    .hasStatusOk()
                    .bodyJson().isStrictlyEqualTo("""
                            {"content":[],"page":{"size":5,"number":2,"totalElements":10,"totalPages":2}}""");
            verify(queries).dispatch(new FindPostsQuery(new PostFilter("alice", true, 3L), 2, 5));
        }

        @ParameterizedTest
        @CsvSource({
                "author=bob, bob, false, ",
                "withComments=true, , true, ",
                "withComments=false, , false, ",
                "minLikes=0, , false, 0",
                "author=bob&minLikes=7, bob, false, 7",
                "author=bob&withComments=true, bob, true, ",
                "withComments=true&minLikes=1, , true, 1",
                "author=, , false, ",
        })
        void combinesTheFiltersGiven(String parameters, String author, boolean withComments, Long minLikes) {
            given(queries.dispatch(any(FindPostsQuery.class)))
                    .willReturn(new PageImpl<>(List.of(), PageRequest.of(0, 20), 0));

            assertThat(mvc.get().uri("/api/v1/posts?" + parameters)).hasStatusOk();
            verify(queries).dispatch(new FindPostsQuery(new PostFilter(author, withComments, minLikes), 0, 20));
        }

        @Test
        void acceptsTheLargestPageSize() {
            given(queries.dispatch(any(FindPostsQuery.class)))
                    .willReturn(new PageImpl<>(List.of(), PageRequest.of(0, 100), 0));

            assertThat(mvc.get().uri("/api/v1/posts?size=100")).hasStatusOk()
                    .bodyJson().isStrictlyEqualTo("""
                            {"content":[],"page":{"size":100,"number":0,"totalElements":0,"totalPages":0}}""");
        }

        @ParameterizedTest
        @CsvSource({
                "size=101, size",
                "size=0, size",
                "size=-5, size",
                "size=ten, size",
                "page=-1, page",
                "page=first, page",
                "minLikes=-1, minLikes",
                "minLikes=many, minLikes",
                "withComments=maybe, withComments",
                "page=-1&size=500, size",
                "page=, page",
                "size=, size",
                "size=%20, size",
        })
        void refusesInvalidParametersNamingThem(String parameters, String offending) {
            MvcTestResult result = mvc.get().uri("/api/v1/posts?" + parameters).exchange();

            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(400);
            assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Bad Request");
            assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(offending);
            assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().contains(offending);
            verify(queries, never()).dispatch(any());
        }
    }

    @Nested
    class FindingOnePost {

        @Test
        void answersThePostWithItsVersionAsETag() {
            given(queries.dispatch(new FindPostByIdQuery(POST_ID))).willReturn(Optional.of(POST));

            assertThat(mvc.get().uri("/api/v1/posts/{id}", POST_ID)).hasStatusOk()
                    .hasHeader(HttpHeaders.ETAG, "\"3\"")
                    .bodyJson().isStrictlyEqualTo(POST_JSON);
        }

        @Test
        void answersNotModifiedWhenTheClientHasThatVersion() {
            given(queries.dispatch(new FindPostByIdQuery(POST_ID))).willReturn(Optional.of(POST));

            assertThat(mvc.get().uri("/api/v1/posts/{id}", POST_ID).header(HttpHeaders.IF_NONE_MATCH, "\"3\""))
                    .hasStatus(HttpStatus.NOT_MODIFIED)
                    .hasHeader(HttpHeaders.ETAG, "\"3\"");
        }

        @Test
        void answersTheNewVersionWhenTheClientHasAnOlderOne() {
            given(queries.dispatch(new FindPostByIdQuery(POST_ID))).willReturn(Optional.of(POST));

            assertThat(mvc.get().uri("/api/v1/posts/{id}", POST_ID).header(HttpHeaders.IF_NONE_MATCH, "\"2\""))
                    .hasStatusOk();
        }

        @Test
        void answersNotFoundAsProblemForAnUnknownOrRemovedPost() {
            given(queries.dispatch(new FindPostByIdQuery(POST_ID))).willReturn(Optional.empty());

            MvcTestResult result = mvc.get().uri("/api/v1/posts/{id}", POST_ID).exchange();

            assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(404);
            assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Not Found");
            assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(POST_ID.toString());
        }

        @Test
        void refusesAnIdThatIsNoUuid() {
            MvcTestResult result = mvc.get().uri("/api/v1/posts/not-a-uuid").exchange();

            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
        }

        @Test
        void answersAnUnexpectedFailureAsProblemWithoutItsInsides() {
            given(queries.dispatch(new FindPostByIdQuery(POST_ID))).willThrow(new IllegalStateException("secret detail"));

            MvcTestResult result = mvc.get().uri("/api/v1/posts/{id}", POST_ID).exchange();

            assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyText().doesNotContain("secret detail").doesNotContain("IllegalStateException");
        }

        @Test
        void answersServiceUnavailableWhenTheReadModelIsAway() {
            given(queries.dispatch(new FindPostByIdQuery(POST_ID)))
                    .willThrow(new CannotCreateTransactionException("Could not open JPA EntityManager"));

            assertThat(mvc.get().uri("/api/v1/posts/{id}", POST_ID)).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .hasHeader(HttpHeaders.RETRY_AFTER, "1");
        }

        @Test
        void anUndecodableFormSentWithAnotherMethodIsMethodNotAllowed() {
            assertThat(mvc.put().uri("/api/v1/posts/{id}", POST_ID).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("author=%zz")).hasStatus(HttpStatus.METHOD_NOT_ALLOWED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        void parametersTheServerCannotDecodeAreABadRequest() {
            given(queries.dispatch(new FindPostByIdQuery(POST_ID))).willThrow(new InvalidParameterException("Character decoding failed"));

            assertThat(mvc.get().uri("/api/v1/posts/{id}", POST_ID)).hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        void anUnknownRouteIsAProblemToo() {
            assertThat(mvc.get().uri("/api/v1/nothing-here")).hasStatus(HttpStatus.NOT_FOUND)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Nested
    class WaitingForAVersion {

        @Test
        void answersAtOnceWhenTheVersionIsAlreadyApplied() {
            given(queries.dispatch(new FindPostVersionQuery(POST_ID))).willReturn(OptionalLong.of(3));
            given(queries.dispatch(new FindPostByIdQuery(POST_ID, 3))).willReturn(Optional.of(POST));

            assertThat(mvc.get().uri("/api/v1/posts/{id}?minVersion=3", POST_ID)).hasStatusOk()
                    .hasHeader(HttpHeaders.ETAG, "\"3\"")
                    .bodyJson().isStrictlyEqualTo(POST_JSON);
        }

        @Test
        void waitsUntilTheProjectionCatchesUp() {
            given(queries.dispatch(new FindPostVersionQuery(POST_ID)))
                    .willReturn(OptionalLong.empty(), OptionalLong.of(1), OptionalLong.of(2), OptionalLong.of(3));
            given(queries.dispatch(new FindPostByIdQuery(POST_ID, 3))).willReturn(Optional.of(POST));

            assertThat(mvc.get().uri("/api/v1/posts/{id}?minVersion=3", POST_ID)).hasStatusOk()
                    .hasHeader(HttpHeaders.ETAG, "\"3\"");
        }

        @Test
        void answersServiceUnavailableWithRetryAfterOnTimeout() {
            given(queries.dispatch(new FindPostVersionQuery(POST_ID))).willReturn(OptionalLong.of(2));

            MvcTestResult result = mvc.get().uri("/api/v1/posts/{id}?minVersion=3", POST_ID).exchange();

            assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .hasHeader(HttpHeaders.RETRY_AFTER, "1");
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(503);
            assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("version 3");
        }

        @Test
        void answersServiceUnavailableWithRetryAfterAtOnceWhenTooManyRequestsWait() {
            willThrow(new TooManyVersionWaitersException(1000)).given(versions).awaitVersion(POST_ID, 3);

            MvcTestResult result = mvc.get().uri("/api/v1/posts/{id}?minVersion=3", POST_ID).exchange();

            assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .hasHeader(HttpHeaders.RETRY_AFTER, "1");
            assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("too many requests");
            verify(queries, never()).dispatch(any(FindPostVersionQuery.class));
        }

        @Test
        void answersNotFoundWhenTheReachedVersionRemovedThePost() {
            given(queries.dispatch(new FindPostVersionQuery(POST_ID))).willReturn(OptionalLong.of(4));
            given(queries.dispatch(new FindPostByIdQuery(POST_ID, 4))).willReturn(Optional.empty());

            assertThat(mvc.get().uri("/api/v1/posts/{id}?minVersion=4", POST_ID)).hasStatus(HttpStatus.NOT_FOUND)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @ParameterizedTest
        @CsvSource({"minVersion=0", "minVersion=-2", "minVersion=three", "minVersion="})
        void refusesAnInvalidMinVersion(String parameter) {
            MvcTestResult result = mvc.get().uri("/api/v1/posts/{id}?" + parameter, POST_ID).exchange();

            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("minVersion");
        }
    }

    @Nested
    class CrossOrigin {

        @Test
        void letsTheFrontendReadTheCachingAndRetryHeaders() {
            assertThat(mvc.options().uri("/api/v1/posts/{id}", POST_ID)
                    .header(HttpHeaders.ORIGIN, "https://app.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"))
                    .hasStatusOk()
                    .hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example");

            given(queries.dispatch(new FindPostByIdQuery(POST_ID))).willReturn(Optional.of(POST));
            assertThat(mvc.get().uri("/api/v1/posts/{id}", POST_ID).header(HttpHeaders.ORIGIN, "https://app.example"))
                    .hasStatusOk()
                    .headers().hasValue(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag, Location, Retry-After, WWW-Authenticate");
        }

        @Test
        void letsTheFrontendSendItsBearerToken() {
            assertThat(mvc.options().uri("/api/v1/posts")
                    .header(HttpHeaders.ORIGIN, "https://app.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization"))
                    .hasStatusOk()
                    .hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example")
                    .headers().hasValue(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "authorization");
        }

        @Test
        void refusesOtherOrigins() {
            assertThat(mvc.options().uri("/api/v1/posts")
                    .header(HttpHeaders.ORIGIN, "https://evil.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
    }
}
