package org.socialmedia.post.cmd.api;

import java.util.UUID;

import org.socialmedia.post.cmd.api.PostResponses.ReplayStarted;
import org.socialmedia.post.cmd.publication.ReplayService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Replays of the store. Each answers once every republished event is acknowledged by the broker;
 * 202 because the read side applies them afterwards. One replay runs at a time (else 409).
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
class AdminController {

    private final ReplayService replay;

    AdminController(ReplayService replay) {
        this.replay = replay;
    }

    @PostMapping("/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Republish every stored event, each post's in version order, to rebuild read models")
    ReplayStarted replay() {
        return new ReplayStarted(replay.replayAll());
    }

    @PostMapping(path = "/replay", params = "postId")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Republish one post's stored events in version order, so that a read side applies "
            + "the versions it parked behind a lost or dead-lettered one")
    ReplayStarted replayPost(@RequestParam UUID postId) {
        return new ReplayStarted(replay.replayPost(postId));
    }
}
