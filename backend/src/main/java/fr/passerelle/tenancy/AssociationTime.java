package fr.passerelle.tenancy;

import java.time.ZoneId;

/** The associations' time zone: the service's one, for "today", dates opened and figures by day. */
public final class AssociationTime {
    /**
     * Metropolitan France. A legal deadline counts in its department's own zone instead
     * ({@code deadlines.Department}: the overseas departments).
     */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private AssociationTime() {}
}
