package eu.herald.subscriptions.municipality.web;

import eu.herald.subscriptions.SubscriptionsProperties;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/** A language the notifiers can write in ({@code herald.subscriptions.languages}). Blank is left to {@code @NotBlank}. */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SupportedLanguage.Validator.class)
@interface SupportedLanguage {

    String message() default "is not a supported language";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SupportedLanguage, String> {

        private final SubscriptionsProperties properties;

        Validator(SubscriptionsProperties properties) {
            this.properties = properties;
        }

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank() || properties.languages().contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + String.join(", ", properties.languages()))
                    .addConstraintViolation();
            return false;
        }
    }
}
