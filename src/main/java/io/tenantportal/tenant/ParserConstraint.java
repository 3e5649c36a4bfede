package io.tenantportal.tenant;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidatorContext;

/** Lets a constraint report the problem its parser names, so each rule and its words live in one place. */
final class ParserConstraint {

    private static final Pattern TEMPLATE_SYNTAX = Pattern.compile("[\\\\{}$]");

    private ParserConstraint() {
    }

    /** True when there is no problem; otherwise the violation carries the parser's message as it is. */
    static boolean report(Optional<String> problem, ConstraintValidatorContext context) {
        problem.ifPresent(message -> {
            context.disableDefaultConstraintViolation();
            // A message template interprets braces and dollars; the parser's words are literal text.
            context.buildConstraintViolationWithTemplate(TEMPLATE_SYNTAX.matcher(message).replaceAll("\\\\$0"))
                    .addConstraintViolation();
        });
        return problem.isEmpty();
    }
}
