package fr.passerelle.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a case is for: the CESEDA article the application is filed under (CESEDA). */
public enum Ground {
    /** Admission exceptionnelle au séjour: humanitarian or exceptional grounds. */
    L435_1("L435-1"),
    /** Personal and family ties in France. */
    L423_23("L423-23"),
    /** Parent of a minor French child. */
    L423_7("L423-7"),
    /** Spouse of a French national. */
    L423_1("L423-1"),
    /** Seriously ill foreign national (OFII medical board). */
    L425_9("L425-9"),
    /** Lived in France with a parent since age 13 at the latest. */
    L423_21("L423-21"),
    /** Placed with child welfare (ASE) or a trusted third party by age 16. */
    L423_22("L423-22"),
    /** Victim of trafficking or pimping who files a complaint or testifies. */
    L425_1("L425-1"),
    /** Protection order for violence by a spouse, partner or cohabitant (card free of charge). */
    L425_6("L425-6"),
    /** Protection order for a threat of forced marriage (card free of charge). */
    L425_7("L425-7"),
    /** Three years of activity within an accredited host organisation (organisme d'accueil communautaire). */
    L435_2("L435-2"),
    /** Shortage occupations (experiment until 31 December 2026). */
    L435_4("L435-4");

    private final String article;

    Ground(String article) {
        this.article = article;
    }

    @JsonValue
    public String article() {
        return article;
    }

    @JsonCreator
    public static Ground ofArticle(String article) {
        return Arrays.stream(values())
                .filter(ground -> ground.article.equals(article))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown ground '" + article + "'; expected one of "
                        + Arrays.stream(values()).map(Ground::article).collect(Collectors.joining(", "))));
    }
}
