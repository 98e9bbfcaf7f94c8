package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/personal-data.md names every table that can hold personal data: each table a migration creates with, or
 * alters to add, a column of a text, JSON or binary type (where a name or free text can go) is named there in
 * its table ({@code | `table` |}), with its legal basis, retention and how erasure and anonymisation reach it.
 */
class PersonalDataMapTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path MAP = Path.of("../docs/personal-data.md");
    private static final String TEXTUAL = "(?:text|varchar|character varying|char|jsonb?|bytea|citext)\\b";
    private static final Pattern CREATED =
            Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("(?m)^\\s+(\\w+)\\s+" + TEXTUAL);
    private static final Pattern ALTERED = Pattern.compile("ALTER TABLE (?:ONLY )?(\\w+)(.*?);", Pattern.DOTALL);
    private static final Pattern ADDED = Pattern.compile("ADD COLUMN (?:IF NOT EXISTS )?(\\w+)\\s+" + TEXTUAL);

    @Test
    void everyTableWithATextColumnIsInTheMap() throws IOException {
        Set<String> textual = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                textual.addAll(tablesWithText(Files.readString(file)));
            }
        }
        assertThat(textual).contains("applicants", "case_notes", "audit_events");
        String map = Files.readString(MAP);
        assertThat(textual.stream().filter(table -> !named(map, table)).toList())
                .as("tables with text columns that docs/personal-data.md does not name")
                .isEmpty();
    }

    @Test
    void aMigrationAddingTextToATableTheMapDoesNotNameIsCaught() {
        String map = "| `applicants` | identity |";
        assertThat(tablesWithText("ALTER TABLE applicants ADD COLUMN nickname text;"))
                .containsExactly("applicants");
        assertThat(named(map, "applicants")).isTrue();
        assertThat(tablesWithText("ALTER TABLE status_links ADD COLUMN note text CHECK (length(note) < 10);"))
                .containsExactly("status_links");
        assertThat(named(map, "status_links")).isFalse();
        assertThat(tablesWithText("CREATE TABLE kits (\n    id uuid PRIMARY KEY,\n    label  text NOT NULL\n);"))
                .containsExactly("kits");
        assertThat(tablesWithText("CREATE TABLE counts (\n    id uuid PRIMARY KEY,\n    n integer\n);"))
                .isEmpty();
    }

    private static Set<String> tablesWithText(String sql) {
        String code = sql.replaceAll("--[^\\n]*", "");
        Set<String> tables = new TreeSet<>();
        Matcher created = CREATED.matcher(code);
        while (created.find()) {
            if (COLUMN.matcher(created.group(2)).find()) tables.add(created.group(1));
        }
        Matcher altered = ALTERED.matcher(code);
        while (altered.find()) {
            if (ADDED.matcher(altered.group(2)).find()) tables.add(altered.group(1));
        }
        return tables;
    }

    /** Named in a row of the map's tables: {@code | `table` |} or among several ({@code `a`, `table`}). */
    private static boolean named(String map, String table) {
        return map.lines().anyMatch(line -> line.startsWith("| ") && line.split("\\|")[1].contains("`" + table + "`"));
    }
}
