package io.tenantportal.tenant;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A SharePoint tenant name as {@link SharepointName#parse} takes it; null passes. */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, TYPE_USE })
@Constraint(validatedBy = ValidSharepointName.Check.class)
public @interface ValidSharepointName {

    String message() default "must be 1-57 letters and digits, as in <name>-admin.sharepoint.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidSharepointName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || SharepointName.parse(value).isPresent();
        }
    }
}
