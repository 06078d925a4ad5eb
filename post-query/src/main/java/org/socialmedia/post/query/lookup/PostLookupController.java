package org.socialmedia.post.query.lookup;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.jspecify.annotations.Nullable;
import org.socialmedia.cqrs.dispatch.QueryDispatcher;
import org.springframework.beans.TypeMismatchException;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lookups. A single post carries its version as {@code ETag}, so a client can revalidate
 * with {@code If-None-Match} (answered 304 when unchanged) and wait for its own write with
 * {@code minVersion}.
 */
@RestController
@RequestMapping("/api/v1/posts")
class PostLookupController {

    static final int MAX_PAGE_SIZE = 100;

    private final QueryDispatcher queries;
    private final VersionAwaiter versions;

    PostLookupController(QueryDispatcher queries, VersionAwaiter versions) {
        this.queries = queries;
        this.versions = versions;
    }

    @GetMapping
    @Operation(summary = "A page of posts, newest first; the filters combine")
    PagedModel<PostDetails> findPosts(
            @Parameter(description = "only posts by exactly this author") @RequestParam(required = false) @Nullable String author,
            @Parameter(description = "true: only posts with at least one comment") @RequestParam(defaultValue = "false") boolean withComments,
            @Parameter(description = "only posts with at least this many likes") @RequestParam(required = false) @Nullable @Min(0) Long minLikes,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            HttpServletRequest request) {
        refuseEmpty(request, "page", "size");
        // An empty author (a blank search field) means no author filter; authors are never blank.
        PostFilter filter = new PostFilter(author == null || author.isEmpty() ? null : author, withComments, minLikes);
        return new PagedModel<>(queries.dispatch(new FindPostsQuery(filter, page, size)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One post, with its version as ETag; 404 if unknown or removed")
    ResponseEntity<PostDetails> findPost(@PathVariable UUID id) {
        PostDetails post = queries.dispatch(new FindPostByIdQuery(id)).orElseThrow(() -> new PostNotFoundException(id));
        return withETag(post);
    }

    @GetMapping(path = "/{id}", params = "minVersion")
    @Operation(summary = "One post once the read model has applied at least minVersion; 503 with Retry-After on timeout")
    CompletableFuture<ResponseEntity<PostDetails>> findPostAtVersion(
            @PathVariable UUID id,
            @Parameter(description = "the version the client has written, for example from post-cmd's ETag")
            @RequestParam @Min(1) Long minVersion) {
        return versions.awaitVersion(id, minVersion).thenApply(reached -> withETag(queries.dispatch(new FindPostByIdQuery(id, minVersion))
                .orElseThrow(() -> new PostNotFoundException(id))));
    }

    /**
     * Spring reads {@code page=} as absent and uses the default; but an empty value is no number,
     * so it is refused as {@code page=ten} is.
     */
    private static void refuseEmpty(HttpServletRequest request, String... names) {
        for (String name : names) {
            String value = request.getParameter(name);
            if (value != null && value.isBlank()) {
                TypeMismatchException notANumber = new TypeMismatchException(value, int.class);
                notANumber.initPropertyName(name);
                throw notANumber;
            }
        }
    }

    private static ResponseEntity<PostDetails> withETag(PostDetails post) {
        return ResponseEntity.ok().eTag(Long.toString(post.version())).body(post);
    }
}
