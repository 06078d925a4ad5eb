package org.socialmedia.post.cmd.replay;

import java.util.UUID;

import org.socialmedia.post.common.security.AdminScope;
import org.socialmedia.post.common.security.SecuritySchemes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Replays of the store. Each answers once every republished event is acknowledged by the broker;
 * 202 because the read side applies them afterwards. One replay runs at a time (else 409).
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
@SecurityRequirement(name = SecuritySchemes.BEARER)
@SecurityRequirement(name = SecuritySchemes.OAUTH2, scopes = AdminScope.NAME)
class ReplayController {

    private final ReplayService replay;

    /** @param events how many events were republished */
    record ReplayStarted(long events) {
    }

    ReplayController(ReplayService replay) {
        this.replay = replay;
    }

    /**
     * OpenAPI has one operation per path and method, so this one also describes the replay of one
     * post, as its optional parameter; a separate handler keeps an empty {@code postId=} a 400
     * rather than a replay of the whole store.
     */
    @PostMapping("/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Republish stored events in version order: every post's, to rebuild read models, or one post's, "
            + "so that a read side applies the versions it parked behind a lost or dead-lettered one",
            parameters = @Parameter(name = "postId", in = ParameterIn.QUERY, description = "replay only this post",
                    schema = @Schema(type = "string", format = "uuid")))
    ReplayStarted replay() {
        return new ReplayStarted(replay.replayAll());
    }

    @PostMapping(path = "/replay", params = "postId")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(hidden = true)
    ReplayStarted replayPost(@RequestParam UUID postId) {
        return new ReplayStarted(replay.replayPost(postId));
    }
}
