package fr.passerelle.platform;

import fr.passerelle.tenancy.Association;
import java.time.Instant;

/** An association as platform admins see it: no case, no figure about cases. */
record AssociationView(String slug, String name, Instant createdAt) {
    static AssociationView of(Association association) {
        return new AssociationView(association.slug(), association.name(), association.createdAt());
    }
}
