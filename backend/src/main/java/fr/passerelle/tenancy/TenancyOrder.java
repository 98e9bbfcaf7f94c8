package fr.passerelle.tenancy;

/** Servlet filter order after Spring Security's chain: first the association, then whatever needs it. */
public final class TenancyOrder {
    public static final int ASSOCIATION_SELECTION = 0;
    public static final int AFTER_ASSOCIATION_SELECTION = 10;

    private TenancyOrder() {}
}
