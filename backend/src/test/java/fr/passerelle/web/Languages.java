package fr.passerelle.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which language a sentence is in, by words that are common in one and never in the other: an
 * English text has no French word of this list nor an accent used in French; a French text has no
 * English word of this list. Words of the API itself (field names, {@code true}, {@code file},
 * {@code scope=association}) are in neither list. Simple on purpose: a failure shows the word.
 */
final class Languages {
    static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "is", "are", "must", "not", "and", "of", "this", "that", "with", "be", "was", "has", "have", "been",
            "to", "for", "by", "from", "than", "cannot", "does", "did", "give", "say", "which", "when", "while", "what",
            "who", "only", "already", "yet", "someone", "nothing", "no", "your", "you", "it", "its", "at", "may",
            "missing", "expired", "months", "before", "after", "case", "task");
    static final Set<String> FRENCH_WORDS = Set.of(
            "le",
            "la",
            "les",
            "des",
            "du",
            "une",
            "est",
            "doit",
            "pas",
            "aucun",
            "aucune",
            "avec",
            "dans",
            "pour",
            "être",
            "cette",
            "ce",
            "sur",
            "par",
            "qui",
            "que",
            "ou",
            "et",
            "au",
            "aux",
            "vous",
            "votre",
            "déjà",
            "plus",
            "dossier",
            "tâche",
            "n’est",
            "d’un",
            "l’association",
            "manquante",
            "mois");
    private static final Pattern FRENCH_LETTERS = Pattern.compile("[àâçéèêëîïôûùüÿœ«»]", Pattern.CASE_INSENSITIVE);

    private Languages() {}

    /** The words of {@code text} that say it is English, empty when none. */
    static List<String> englishIn(String text) {
        return words(text).stream().filter(ENGLISH_WORDS::contains).toList();
    }

    /** The words (or letters) of {@code text} that say it is French, empty when none. */
    static List<String> frenchIn(String text) {
        List<String> found = words(text).stream()
                .filter(word -> FRENCH_WORDS.contains(word)
                        || FRENCH_LETTERS.matcher(word).find())
                .toList();
        return found.isEmpty() && FRENCH_LETTERS.matcher(text).find() ? List.of(text) : found;
    }

    private static List<String> words(String text) {
        // placeholders, values (ids, dates: anything with a digit) and the API's own names (camelCase,
        // paths, PASSERELLE_...) are no language
        String plain = text.replaceAll("\\S*\\d\\S*", " ")
                .replaceAll("\\S*[/=_]\\S*", " ")
                .replaceAll("\\b[a-z]+[A-Z]\\w*", " ");
        return Arrays.stream(plain.toLowerCase(Locale.ROOT).split("[^\\p{L}’]+"))
                .filter(word -> !word.isEmpty())
                .toList();
    }
}
