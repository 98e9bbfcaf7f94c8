package fr.passerelle.cases;

/**
 * The department of a French postal code, as La Poste numbers them: the first two digits in metropolitan
 * France, Corsica's 200xx-201xx (2A) and 202xx-206xx (2B), the first three overseas (971-974, 976). A few
 * communes are served by a post office of a neighbouring department and carry its code: the case's
 * department can be corrected on the case. Null when the code names no department (Monaco, the overseas
 * collectivities, 975).
 */
final class PostalCodes {
    private PostalCodes() {}

    static String department(String postalCode) {
        if (postalCode == null || !postalCode.matches("[0-9]{5}")) {
            return null;
        }
        int two = Integer.parseInt(postalCode.substring(0, 2));
        int three = Integer.parseInt(postalCode.substring(0, 3));
        if (two == 97) {
            return three >= 971 && three <= 976 && three != 975 ? String.valueOf(three) : null;
        }
        if (two == 20) {
            return three <= 201 ? "2A" : "2B";
        }
        return two >= 1 && two <= 95 ? postalCode.substring(0, 2) : null;
    }
}
