package fr.passerelle.cases;

import fr.passerelle.web.Problem;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** 404 for an applicant that does not exist or belongs to another association: not told apart. */
class ApplicantNotFoundException extends Problem {
    ApplicantNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "applicant_not_found", id);
    }
}
