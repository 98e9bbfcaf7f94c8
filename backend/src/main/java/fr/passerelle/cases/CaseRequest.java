package fr.passerelle.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a caseworker enters to open or correct a case. */
record CaseRequest(
        @NotBlank @Size(max = 200) String applicantName,
        @NotNull Ground ground,
        @NotNull @Pattern(regexp = DEPARTMENT, message = "must be a French department code such as 69, 2A or 974")
        String department) {

    /** Metropolitan 01-95 (Corsica 2A/2B, no 20) and the overseas departments 971-974 and 976. */
    static final String DEPARTMENT = "0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-46]";
}
