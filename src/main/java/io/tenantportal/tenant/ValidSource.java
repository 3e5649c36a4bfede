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

/** A customer source as a PUT may name it (graph only for a customer the sync manages, which the service checks); null passes. */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, TYPE_USE })
@Constraint(validatedBy = ValidSource.Check.class)
public @interface ValidSource {

    String message() default CustomerSource.PUT_RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidSource, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CustomerSource.fromWire(value).isPresent();
        }
    }
}
