package fr.passerelle.tenancy;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The caller belongs to several associations (or none) and did not say which one the request is for. */
public class NoAssociationChosenException extends ResponseStatusException {
    NoAssociationChosenException() {
        super(
                HttpStatus.BAD_REQUEST,
                "Choose the association this request is for with the header X-Association (its slug)");
    }
}
