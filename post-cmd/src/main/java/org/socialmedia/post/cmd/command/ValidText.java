package org.socialmedia.post.cmd.command;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.socialmedia.post.cmd.domain.TextRule;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The value follows the post's {@link TextRule} for its field. The aggregate keeps the rule
 * anyway; checking it here too is what lets one 400 name every offending field of a request.
 */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = ValidTextValidator.class)
@interface ValidText {

    TextRule value();

    /** Whether null (the field left out) is accepted; only the rule's other checks then apply. */
    boolean optional() default false;

    String message() default "is not accepted";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
