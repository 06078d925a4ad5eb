package org.socialmedia.post.cmd.command;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialmedia.cqrs.dispatch.CommandDispatcher;
import org.socialmedia.post.cmd.command.PostRequests.CommentRequest;
import org.socialmedia.post.cmd.command.PostRequests.CreatePostRequest;
import org.socialmedia.post.cmd.command.PostRequests.LikePostRequest;
import org.socialmedia.post.cmd.command.PostRequests.UpdateMessageRequest;
import org.socialmedia.post.cmd.command.PostResponses.CommentCreated;
import org.socialmedia.post.cmd.command.PostResponses.PostVersion;
import org.socialmedia.post.cmd.domain.CommandResult;
import org.socialmedia.post.cmd.domain.PostCommand.AddCommentCommand;
import org.socialmedia.post.cmd.domain.PostCommand.CreatePostCommand;
import org.socialmedia.post.cmd.domain.PostCommand.LikePostCommand;
import org.socialmedia.post.cmd.domain.PostCommand.RemoveCommentCommand;
import org.socialmedia.post.cmd.domain.PostCommand.RemovePostCommand;
import org.socialmedia.post.cmd.domain.PostCommand.UpdateCommentCommand;
import org.socialmedia.post.cmd.domain.PostCommand.UpdateMessageCommand;
import org.socialmedia.post.cmd.domain.TextRule;
import org.socialmedia.post.cmd.security.ActingUser;
import org.socialmedia.post.common.security.SecuritySchemes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The command API: every mutation of a post answers with its new version, in the body and as
 * ETag (the version in quotes, which Spring adds). Each command acts for the bearer token's user;
 * a body or query that names another user is refused (403) before anything is dispatched.
 */
@RestController
@RequestMapping(path = "/api/v1/posts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Post commands")
@SecurityRequirement(name = SecuritySchemes.BEARER)
@SecurityRequirement(name = SecuritySchemes.OAUTH2)
class PostCommandController {

    private static final String IF_MATCH = HttpHeaders.IF_MATCH;

    private final CommandDispatcher commands;
    private final PostLocations locations;

    PostCommandController(CommandDispatcher commands, PostLocations locations) {
        this.commands = commands;
        this.locations = locations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a post", description = "The Location header names the new post as the lookups serve it.")
    ResponseEntity<PostVersion> create(@Parameter(hidden = true) ActingUser user, @Valid @RequestBody CreatePostRequest request) {
        user.confirm("author", request.author());
        CommandResult result = commands.dispatch(new CreatePostCommand(user.name(), request.message()));
        return ResponseEntity.created(locations.post(result.id()))
                .eTag(Long.toString(result.version()))
                .body(new PostVersion(result.id(), result.version()));
    }

    @PutMapping(path = "/{id}/message", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Edit the message of a post (its author only)")
    ResponseEntity<PostVersion> updateMessage(@Parameter(hidden = true) ActingUser user, @PathVariable UUID id, @RequestHeader(name = IF_MATCH, required = false) @Nullable String ifMatch,
                                              @Valid @RequestBody UpdateMessageRequest request) {
        user.confirm("username", request.username());
        return ok(commands.dispatch(new UpdateMessageCommand(id, user.name(), request.message(),
                IfMatch.expectedVersion(ifMatch))));
    }

    /**
     * The token names who likes, so a like needs no body; an old client's {@code {"username"}} is
     * still read (as JSON only: without {@code consumes}, another content type is still a 415).
     */
    @PostMapping(path = "/{id}/likes")
    @Operation(summary = "Like a post; liking it again changes nothing")
    ResponseEntity<PostVersion> like(@Parameter(hidden = true) ActingUser user, @PathVariable UUID id, @RequestHeader(name = IF_MATCH, required = false) @Nullable String ifMatch,
                                     @Valid @RequestBody(required = false) @Nullable LikePostRequest request) {
        user.confirm("username", request == null ? null : request.username());
        return ok(commands.dispatch(new LikePostCommand(id, user.name(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping(path = "/{id}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Comment on a post", description = "The Location header names the post as the lookups serve it: "
            + "the new comment is in its comments, under the commentId this answer gives.")
    ResponseEntity<CommentCreated> addComment(@Parameter(hidden = true) ActingUser user, @PathVariable UUID id, @RequestHeader(name = IF_MATCH, required = false) @Nullable String ifMatch,
                                              @Valid @RequestBody CommentRequest request) {
        user.confirm("username", request.username());
        CommandResult result = commands.dispatch(new AddCommentCommand(id, user.name(), request.comment(),
                IfMatch.expectedVersion(ifMatch)));
        return ResponseEntity.created(locations.post(id))
                .eTag(Long.toString(result.version()))
                .body(new CommentCreated(id, result.commentId(), result.version()));
    }

    @PutMapping(path = "/{id}/comments/{commentId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Edit a comment (its author only)")
    ResponseEntity<PostVersion> updateComment(@Parameter(hidden = true) ActingUser user, @PathVariable UUID id, @PathVariable UUID commentId,
                                              @RequestHeader(name = IF_MATCH, required = false) @Nullable String ifMatch,
                                              @Valid @RequestBody CommentRequest request) {
        user.confirm("username", request.username());
        return ok(commands.dispatch(new UpdateCommentCommand(id, commentId, user.name(), request.comment(),
                IfMatch.expectedVersion(ifMatch))));
    }

    @DeleteMapping("/{id}/comments/{commentId}")
    @Operation(summary = "Remove a comment (its author only)")
    ResponseEntity<PostVersion> removeComment(@Parameter(hidden = true) ActingUser user, @PathVariable UUID id, @PathVariable UUID commentId,
                                              @RequestParam(required = false) @ValidText(value = TextRule.USERNAME, optional = true)
                                              @Nullable String username,
                                              @RequestHeader(name = IF_MATCH, required = false) @Nullable String ifMatch) {
        user.confirm("username", username);
        return ok(commands.dispatch(new RemoveCommentCommand(id, commentId, user.name(), IfMatch.expectedVersion(ifMatch))));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a post (its author only)")
    ResponseEntity<PostVersion> remove(@Parameter(hidden = true) ActingUser user, @PathVariable UUID id,
                                       @RequestParam(required = false) @ValidText(value = TextRule.USERNAME, optional = true)
                                       @Nullable String username,
                                       @RequestHeader(name = IF_MATCH, required = false) @Nullable String ifMatch) {
        user.confirm("username", username);
        return ok(commands.dispatch(new RemovePostCommand(id, user.name(), IfMatch.expectedVersion(ifMatch))));
    }

    private static ResponseEntity<PostVersion> ok(CommandResult result) {
        return ResponseEntity.ok()
                .eTag(Long.toString(result.version()))
                .body(new PostVersion(result.id(), result.version()));
    }
}
