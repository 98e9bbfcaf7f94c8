package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem code's texts (the registry: {@link ProblemDocuments#keys()}), in French and in
 * English, each in its own language; and every code the code refuses with has them.
 */
class ProblemTextsTest {
    /** Texts the same in both languages on purpose. */
    private static final Set<String> SAME_IN_BOTH = Set.of();

    private static final Properties FRENCH = load("/messages.properties");
    private static final Properties ENGLISH = load("/messages_en.properties");

    @Test
    void everyCodeHasAFrenchAndAnEnglishTextAndNoOtherTextExists() {
        SortedSet<String> keys = ProblemDocuments.keys();
        assertThat(keys).hasSizeGreaterThan(150);
        List<String> lacking = new ArrayList<>();
        for (String key : keys) {
            if (FRENCH.getProperty(key, "").isBlank()) {
                lacking.add(key + " (fr)");
            }
            if (ENGLISH.getProperty(key, "").isBlank()) {
                lacking.add(key + " (en)");
            }
        }
        assertThat(lacking).isEmpty();
        assertThat(new TreeSet<>(ENGLISH.stringPropertyNames())).isEqualTo(keys);
    }

    @Test
    void theFrenchHasNoEnglishSentenceAndTheEnglishNoFrenchOne() {
        List<String> mixed = new ArrayList<>();
        for (String key : ProblemDocuments.keys()) {
            String french = FRENCH.getProperty(key);
            String english = ENGLISH.getProperty(key);
            if (!Languages.englishIn(french).isEmpty()) {
                mixed.add(key + " (fr) has English words " + Languages.englishIn(french) + ": " + french);
            }
            if (!Languages.frenchIn(english).isEmpty()) {
                mixed.add(key + " (en) has French words " + Languages.frenchIn(english) + ": " + english);
            }
            if (french.equals(english) && !SAME_IN_BOTH.contains(key) && !french.matches("\\{\\d}")) {
                mixed.add(key + " is the same in both languages: " + french);
            }
        }
        assertThat(mixed).isEmpty();
    }

    @Test
    void theHeuristicTellsTheLanguagesApart() {
        assertThat(Languages.englishIn("The case is not waiting for {0} at this step"))
                .isNotEmpty();
        assertThat(Languages.frenchIn("The case is not waiting for {0} at this step"))
                .isEmpty();
        assertThat(Languages.frenchIn("Le dossier n’attend pas « {0} » à cette étape"))
                .isNotEmpty();
        assertThat(Languages.englishIn("Le dossier n’attend pas « {0} » à cette étape"))
                .isEmpty();
        assertThat(Languages.englishIn("doit être true ou false, dans une partie nommée file"))
                .isEmpty();
    }

    @Test
    void aProblemsValuesAreWordedIntoItsDetailInEitherLanguage() {
        Problem gone = new Problem(org.springframework.http.HttpStatus.CONFLICT, "task_already_completed", "42");
        assertThat(gone.worded(Locale.FRENCH).getDetail()).isEqualTo("La tâche 42 est déjà terminée");
        assertThat(gone.worded(Locale.ENGLISH).getDetail()).isEqualTo("Task 42 is already completed");
        assertThat(gone.worded(Locale.FRENCH).getTitle()).isEqualTo("Conflit");
        assertThat(gone.getMessage()).as("for the logs").isEqualTo("Task 42 is already completed");
    }

    /** MessageFormat reads a straight apostrophe as a quote: in a text with values, it would vanish. */
    @Test
    void textsWithValuesFormatWithoutLosingAnything() {
        List<String> broken = new ArrayList<>();
        for (Properties texts : List.of(FRENCH, ENGLISH)) {
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.matches("(?s).*\\{\\d}.*")) {
                    if (text.contains("'")) {
                        broken.add(key + ": " + text);
                    }
                    String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {"A", "B", "C"});
                    if (formatted.matches("(?s).*\\{\\d}.*")) {
                        broken.add(key + " keeps a placeholder: " + formatted);
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * The codes the service refuses with, read from its sources: a code and its English sentence
     * given together ({@code Fault.of("not_text", "must be text")}, {@code refused(status, "empty_file",
     * "...")}), and the codes of field-less problems ({@code Problem.notFound("case_not_found", id)},
     * {@code super(HttpStatus.CONFLICT, "task_...", id)}, {@code ProblemDocuments.send(..., "forbidden")}).
     */
    @Test
    void everyCodeTheServiceRefusesWithHasItsTexts() throws IOException {
        Pattern field = Pattern.compile(
                "(?:Fault\\.of|FaultyValue|refused|before|invalid|conflict|notFound|unprocessable|\\.of)"
                        + "\\((?:[^;()\"]|\"[^\"]*\"|\\([^;()]*\\))*?\"([a-z][a-z_]*)\"\\s*,\\s*\"[^\"]* [^\"]*\"");
        List<Pattern> detail = List.of(
                Pattern.compile(
                        "(?<![A-Za-z])(?:Problem\\.(?:notFound|conflict)|AppealProblems\\.gone|new KeycloakException)"
                                + "\\(\\s*\"([a-z][a-z_]*)\""),
                Pattern.compile("HttpStatus\\.[A-Z_]+,\\s*\"([a-z][a-z_]*)\"\\s*[,)](?!\\s*(?:Map|faults|field|\"))"),
                Pattern.compile("TaskGoneException\\(\\s*\\w+,\\s*\"([a-z][a-z_]*)\""));
        SortedSet<String> keys = ProblemDocuments.keys();
        List<String> used = new ArrayList<>();
        List<String> lacking = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                collect(field.matcher(code), "field.", keys, used, lacking, source);
                for (Pattern pattern : detail) {
                    collect(pattern.matcher(code), "detail.", keys, used, lacking, source);
                }
            }
        }
        assertThat(used).as("codes found in the sources").hasSizeGreaterThan(150);
        assertThat(lacking).isEmpty();
    }

    private static void collect(
            Matcher matcher, String prefix, Set<String> keys, List<String> used, List<String> lacking, Path source) {
        while (matcher.find()) {
            used.add(prefix + matcher.group(1));
            if (!keys.contains(prefix + matcher.group(1))) {
                lacking.add(prefix + matcher.group(1) + " (" + source.getFileName() + ")");
            }
        }
    }

    private static Properties load(String resource) {
        Properties texts = new Properties();
        try (var in = ProblemTextsTest.class.getResourceAsStream(resource)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
