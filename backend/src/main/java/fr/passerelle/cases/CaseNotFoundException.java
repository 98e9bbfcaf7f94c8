package fr.passerelle.cases;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** 404 for a case that does not exist or belongs to another association: the two are not told apart. */
class CaseNotFoundException extends ResponseStatusException {
    CaseNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "No case " + id);
    }
}
