package fr.passerelle.cases;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A nationality as an ISO 3166-1 alpha-3 code ("MLI", "DZA"), or one of the codes ICAO uses
 * where ISO has none: XKX (Kosovo), XXA (stateless person), XXX (nationality unspecified).
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoCountry.Validator.class)
@interface IsoCountry {
    String message() default "must be an ISO 3166-1 alpha-3 country code such as MLI, or XXA for a stateless person";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoCountry, String> {
        static final Set<String> CODES;

        static {
            Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
            codes.addAll(Set.of("XKX", "XXA", "XXX"));
            CODES = Set.copyOf(codes);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CODES.contains(value);
        }
    }
}
