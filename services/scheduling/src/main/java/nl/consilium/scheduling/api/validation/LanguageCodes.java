package nl.consilium.scheduling.api.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/** ISO 639-1 language codes in lower case ({@code nl}, {@code en}); null is valid (use @NotNull). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageCodes.Validator.class)
public @interface LanguageCodes {

    String message() default "must be ISO 639-1 language codes in lower case, such as nl or en";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageCodes, Collection<String>> {
        private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

        @Override
        public boolean isValid(Collection<String> value, ConstraintValidatorContext context) {
            return value == null || value.stream().allMatch(code -> code != null && ISO_639_1.contains(code));
        }
    }
}
