package fr.passerelle.deadlines;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tribunaux administratifs of the departments, each with the department it sits in (its holidays
 * extend the deadlines to bring a case before it, art. 642 CPC) and the departments of its jurisdiction
 * (R221-3 CJA, the table of seats and jurisdictions; to check against the version in force). The
 * competent court is the one in whose jurisdiction the authority that decided sits (R312-1 CJA): for a
 * prefect's decision, the court of the prefecture's department ({@link #competentFor}). Another court is
 * competent only where a text says so, e.g. for a person under house arrest, in retention or in prison, the
 * court of that place (R922-4 CESEDA, to verify; Metz's retention centre goes to Nancy, formerly R776-16
 * CJA). Only Strasbourg (Alsace-Moselle) and the overseas courts have holidays of their own.
 */
public enum AdministrativeCourt {
    AMIENS("Amiens", "80", "02", "60", "80"),
    BASTIA("Bastia", "2B", "2A", "2B"),
    BESANCON("Besançon", "25", "25", "39", "70", "90"),
    BORDEAUX("Bordeaux", "33", "24", "33", "47"),
    CAEN("Caen", "14", "14", "50", "61"),
    CERGY_PONTOISE("Cergy-Pontoise", "95", "92", "95"),
    CHALONS_EN_CHAMPAGNE("Châlons-en-Champagne", "51", "08", "10", "51", "52"),
    CLERMONT_FERRAND("Clermont-Ferrand", "63", "03", "15", "43", "63"),
    DIJON("Dijon", "21", "21", "58", "71", "89"),
    GRENOBLE("Grenoble", "38", "26", "38", "73", "74"),
    LILLE("Lille", "59", "59", "62"),
    LIMOGES("Limoges", "87", "19", "23", "36", "87"),
    LYON("Lyon", "69", "01", "42", "69"),
    MARSEILLE("Marseille", "13", "04", "05", "13"),
    MELUN("Melun", "77", "77", "94"),
    MONTPELLIER("Montpellier", "34", "11", "34", "66"),
    MONTREUIL("Montreuil", "93", "93"),
    NANCY("Nancy", "54", "54", "55", "88"),
    NANTES("Nantes", "44", "44", "49", "53", "72", "85"),
    NICE("Nice", "06", "06"),
    NIMES("Nîmes", "30", "07", "30", "48", "84"),
    ORLEANS("Orléans", "45", "18", "28", "37", "41", "45"),
    PARIS("Paris", "75", "75"),
    PAU("Pau", "64", "32", "40", "64", "65"),
    POITIERS("Poitiers", "86", "16", "17", "79", "86"),
    RENNES("Rennes", "35", "22", "29", "35", "56"),
    ROUEN("Rouen", "76", "27", "76"),
    STRASBOURG("Strasbourg", "67", "57", "67", "68"),
    TOULON("Toulon", "83", "83"),
    TOULOUSE("Toulouse", "31", "09", "12", "31", "46", "81", "82"),
    VERSAILLES("Versailles", "78", "78", "91"),
    BASSE_TERRE("Basse-Terre", "971", "971"),
    MARTINIQUE("la Martinique", "972", "972"),
    GUYANE("la Guyane", "973", "973"),
    LA_REUNION("La Réunion", "974", "974"),
    MAYOTTE("Mayotte", "976", "976");

    private final String town;
    private final String seat;
    private final List<String> jurisdiction;

    AdministrativeCourt(String town, String seat, String... jurisdiction) {
        this.town = town;
        this.seat = seat;
        this.jurisdiction = List.of(jurisdiction);
    }

    /** "Tribunal administratif de Strasbourg", "Tribunal administratif d'Amiens". */
    public String frenchName() {
        return "Tribunal administratif " + ("AEIOUÉ".indexOf(town.charAt(0)) >= 0 ? "d'" : "de ") + town;
    }

    /** As the filing forms' list says it (short enough for a phone): its town and the department it sits in, "Strasbourg (67)". */
    public String label() {
        return Character.toUpperCase(town.charAt(0)) + town.substring(1) + " (" + seat + ")";
    }

    /** The department the court sits in: its calendar of working days. */
    public String seat() {
        return seat;
    }

    /** The departments whose authorities' decisions it hears (R221-3 CJA). */
    public List<String> jurisdiction() {
        return jurisdiction;
    }

    /** The court where an authority of {@code department} sits (R312-1 CJA), if the department is one. */
    public static Optional<AdministrativeCourt> competentFor(String department) {
        if (department == null) {
            return Optional.empty();
        }
        String code = department.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(court -> court.jurisdiction.contains(code))
                .findFirst();
    }

    /** The court named {@code code} (its constant's name), if there is one. */
    public static Optional<AdministrativeCourt> named(String code) {
        return Arrays.stream(values())
                .filter(court -> court.name().equals(code))
                .findFirst();
    }
}
