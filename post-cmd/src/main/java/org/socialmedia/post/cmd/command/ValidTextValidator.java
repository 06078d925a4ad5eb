package org.socialmedia.post.cmd.command;

import org.jspecify.annotations.Nullable;
import org.socialmedia.post.cmd.domain.TextRule;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Asks the domain's rule, and reports its words as the violation's message. */
class ValidTextValidator implements ConstraintValidator<ValidText, String> {

    private TextRule rule;
    private boolean optional;

    @Override
    public void initialize(ValidText annotation) {
        rule = annotation.value();
        optional = annotation.optional();
    }

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        if (value == null && optional) {
            return true;
        }
        return rule.problemWith(value).map(problem -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
