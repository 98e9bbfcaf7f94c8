package fr.passerelle.cases;

import fr.passerelle.web.Problem;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** 404 for a case that does not exist or belongs to another association: the two are not told apart. */
class CaseNotFoundException extends Problem {
    CaseNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "case_not_found", id);
    }
}
