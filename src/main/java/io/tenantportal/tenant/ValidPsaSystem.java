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

/** A PSA system name as {@link PsaRef#system} takes it; null is refused. */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, TYPE_USE })
@Constraint(validatedBy = ValidPsaSystem.Check.class)
public @interface ValidPsaSystem {

    String message() default PsaRef.SYSTEM_RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidPsaSystem, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return PsaRef.validSystem(value);
        }
    }
}
