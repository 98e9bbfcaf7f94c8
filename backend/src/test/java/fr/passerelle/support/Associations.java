package fr.passerelle.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test associations: they exist in the associations table as a platform admin would have created them. */
public final class Associations {
    public static final String ALPHA = "alpha";
    public static final String BETA = "beta";

    private Associations() {}

    public static void ensure(JdbcTemplate jdbc, String... slugs) {
        for (String slug : slugs) {
            jdbc.update(
                    "INSERT INTO app.associations (slug, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    slug,
                    "Association " + slug);
        }
    }

    public static String group(String association, String role) {
        return "/associations/" + association + "/" + role;
    }
}
