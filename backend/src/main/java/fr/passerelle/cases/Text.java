package fr.passerelle.cases;

/** Free text as the case files keep it: trimmed, and absent rather than blank. */
final class Text {
    private Text() {}

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
