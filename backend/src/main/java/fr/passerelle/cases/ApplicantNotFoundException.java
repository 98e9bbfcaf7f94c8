package fr.passerelle.cases;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** 404 for an applicant that does not exist or belongs to another association: not told apart. */
class ApplicantNotFoundException extends ResponseStatusException {
    ApplicantNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "No applicant " + id);
    }
}
