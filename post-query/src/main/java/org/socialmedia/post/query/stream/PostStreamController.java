package org.socialmedia.post.query.stream;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream of committed changes. A client that reconnects sends the id of the last event
 * it saw ({@code Last-Event-ID}, as browsers do by themselves), and gets the changes since, or
 * {@code refetch} when this instance cannot vouch for them.
 */
@RestController
@RequestMapping("/api/v1/posts")
class PostStreamController {

    private static final String DESCRIPTION = """
            Server-sent events: first `retry: 3000`; then, for each change of a post that the read model commits \
            (whichever instance applied it), `id: <sequence>`, `event: change`, \
            `data: {"id":"<post>","version":7,"author":"alice","removed":false}`, in version order per post. \
            `event: refetch` with `data: {"reason":"..."}` when changes may have been missed (the client fell behind, \
            its Last-Event-ID is no longer remembered, the instance lost its database connection): reload what is shown. \
            A `: heartbeat` comment line keeps an idle stream open. 503 with Retry-After when the instance serves as \
            many streams as it may.""";

    private final ChangeFanOut fanOut;

    PostStreamController(ChangeFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live changes of posts, as server-sent events; the filters combine", description = DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "the stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "a malformed postId or author",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "too many streams are open; see Retry-After",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<SseEmitter> stream(
            @Parameter(description = "only changes of this post") @RequestParam(required = false) @Nullable UUID postId,
            @Parameter(description = "only changes of posts by exactly this author")
            @RequestParam(required = false) @Nullable @Size(max = 64) @Pattern(regexp = "|(?s).*\\S.*", message = "must not be blank") String author,
            @Parameter(description = "the id of the last event seen; browsers send it when they reconnect")
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        // An empty author (a blank search field) means no author filter, as for the lookups.
        SubscriberFilter filter = new SubscriberFilter(postId, author == null || author.isEmpty() ? null : author);
        // Never timed out by the container: the client or the shutdown ends it.
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber subscriber = fanOut.subscribe(filter, lastEventId, new SseSink(emitter));
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(subscriber::close);
        emitter.onError(failure -> subscriber.close());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                // Proxies such as nginx would otherwise buffer the events.
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }
}
