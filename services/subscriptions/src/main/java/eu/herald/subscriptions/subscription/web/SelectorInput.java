package eu.herald.subscriptions.subscription.web;

import eu.herald.subscriptions.subscription.Selector;
import eu.herald.subscriptions.subscription.SelectorType;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/** The selector of a new subscription, as sent by the client. */
@SelectorInput.Consistent
record SelectorInput(
        @NotBlank @Pattern(regexp = "THEME|EVENT|SESSION", message = "must be THEME, EVENT or SESSION")
        String type,

        @NotBlank String value) {

    Selector toSelector() {
        return new Selector(SelectorType.valueOf(type), value);
    }

    /** The value fits the type: a slug for THEME, an id for EVENT and SESSION. Reported on {@code value}. */
    @Documented
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Consistent.Validator.class)
    @interface Consistent {

        String message() default "does not fit the selector type";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Consistent, SelectorInput> {

            @Override
            public boolean isValid(@Nullable SelectorInput input, ConstraintValidatorContext context) {
                if (input == null
                        || input.type() == null
                        || input.value() == null
                        || input.value().isBlank()
                        || !input.type().matches("THEME|EVENT|SESSION")) {
                    return true; // the field constraints report these
                }
                String problem = SelectorType.valueOf(input.type()).problemWith(input.value());
                if (problem == null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem)
                        .addPropertyNode("value")
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
