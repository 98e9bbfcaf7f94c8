package fr.passerelle.tenancy;

import fr.passerelle.web.Problem;
import org.springframework.http.HttpStatus;

/** The caller belongs to several associations (or none) and did not say which one the request is for. */
public class NoAssociationChosenException extends Problem {
    NoAssociationChosenException() {
        super(HttpStatus.BAD_REQUEST, "association_not_chosen");
    }
}
