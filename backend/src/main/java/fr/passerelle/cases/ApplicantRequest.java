package fr.passerelle.cases;

import fr.passerelle.web.InputRefusal.Fault;
import fr.passerelle.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** An applicant as a caseworker enters them: the whole record (PUT replaces it). */
record ApplicantRequest(
        @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Past LocalDate birthDate,
        @IsoCountry String nationality,
        @PastOrPresent LocalDate entryDate,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> languages,
        Boolean interpreterNeeded,
        @Size(max = 60) String interpreterLanguage,

        @Pattern(regexp = "\\+?[0-9 ().-]{6,30}", message = "{passerelle.phone}")
        String phone,

        @Email @Size(max = 254) String email,
        @Size(max = 300) String addressLine,

        @Pattern(regexp = "[0-9]{5}", message = "{passerelle.postalCode}")
        String postalCode,

        @Size(max = 100) String city,
        @Valid Family family,
        @PlainText.MultiLine @Size(max = 10_000) String familyNotes,

        /*
         * When the address changes: the day of the move, not kept on the record (the three months to
         * declare the new address run from it, R431-23 CESEDA); the day of the change when absent.
         */
        @PastOrPresent LocalDate movedOn) {

    /** What no single field can say: the dates must be possible together. */
    void checkConsistency() {
        var errors = new java.util.TreeMap<String, fr.passerelle.web.InputRefusal.Fault>();
        if (birthDate != null && entryDate != null && entryDate.isBefore(birthDate)) {
            errors.put("entryDate", Fault.of("entry_before_birth", "is before the birth date"));
        }
        if (family != null && birthDate != null) {
            for (int i = 0; i < family.children().size(); i++) {
                if (!family.children().get(i).birthDate().isAfter(birthDate)) {
                    errors.put(
                            "family.children[" + i + "].birthDate",
                            Fault.of("child_born_before_parent", "is not after the applicant's birth date"));
                }
            }
        }
        if (movedOn != null && birthDate != null && movedOn.isBefore(birthDate)) {
            errors.put("movedOn", Fault.of("moved_before_birth", "is before the birth date"));
        }
        if (Boolean.TRUE.equals(interpreterNeeded)
                && (interpreterLanguage == null || interpreterLanguage.isBlank())
                && (languages == null || languages.isEmpty())) {
            errors.put(
                    "interpreterLanguage",
                    Fault.of("interpreter_language_missing", "say which language the interpreter must speak"));
        }
        UnprocessableInputException.throwIfAny(errors);
    }

    static ApplicantRequest named(@NotNull String fullName) {
        String name = fullName.strip();
        int space = name.lastIndexOf(' ');
        String first = space < 0 ? null : name.substring(0, space).strip();
        String last = space < 0 ? name : name.substring(space + 1);
        return new ApplicantRequest(
                first, last, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
