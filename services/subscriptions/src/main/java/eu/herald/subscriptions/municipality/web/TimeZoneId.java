package eu.herald.subscriptions.municipality.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A region-based IANA time zone such as Europe/Warsaw. Fixed offsets are refused: they would show
 * wrong local times after the next daylight-saving change. Blank is left to {@code @NotBlank}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeZoneId.Validator.class)
@interface TimeZoneId {

    String message() default "must be an IANA time zone such as Europe/Warsaw";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TimeZoneId, String> {

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null
                    || value.isBlank()
                    || ZoneId.getAvailableZoneIds().contains(value);
        }
    }
}
