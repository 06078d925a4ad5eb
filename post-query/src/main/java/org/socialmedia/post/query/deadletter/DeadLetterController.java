package org.socialmedia.post.query.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.socialmedia.post.common.security.AdminScope;
import org.socialmedia.post.common.security.SecuritySchemes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-drive of the dead-letter topic, once the cause of its events is fixed. Answers once every
 * re-driven record is acknowledged by the broker; 202 because the projection applies them
 * afterwards. One re-drive runs at a time on an instance (else 409).
 */
@RestController
@RequestMapping(path = "/api/v1/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
@SecurityRequirement(name = SecuritySchemes.BEARER)
@SecurityRequirement(name = SecuritySchemes.OAUTH2, scopes = AdminScope.NAME)
class DeadLetterController {

    record Redriven(long redriven) {
    }

    private final DeadLetterRedrive deadLetters;

    DeadLetterController(DeadLetterRedrive deadLetters) {
        this.deadLetters = deadLetters;
    }

    @PostMapping("/redrive")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Republish to the post event topic every dead-lettered event not re-driven before")
    Redriven redrive() {
        return new Redriven(deadLetters.redrive());
    }
}
