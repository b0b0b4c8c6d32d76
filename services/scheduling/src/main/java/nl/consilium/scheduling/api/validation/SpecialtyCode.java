package nl.consilium.scheduling.api.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.consilium.scheduling.domain.Specialty;

/** A specialty code of the registry's code list (Specialty); null is valid (use @NotNull). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SpecialtyCode.Validator.class)
public @interface SpecialtyCode {

    String message() default "must be a specialty code of GET /api/scheduling/specialties, such as cardiology";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SpecialtyCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Specialty.ofCode(value).isPresent();
        }
    }
}
