package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables (docs/architecture.md): in the main code, a module names in SQL only its
 * own tables and the views another module publishes ({@code app.published_*}, V80, V81). Where a module
 * needs another's data for speed it reads such a view, or keeps a read model fed by the owner's events.
 * {@link #OWNERS} is the one map of which module owns which table.
 */
class TableOwnershipTest {
    private static final Path MAIN = Path.of("src/main/java/fr/passerelle");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern NAMED = Pattern.compile("\\bapp\\.([a-z_]+)\\b(?!\\*)");
    private static final Pattern CREATED = Pattern.compile("CREATE (?:TABLE|VIEW) ([a-z_]+)");

    /** Table (or published view) → the module that owns it and alone may write or join it in SQL. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("cases", "cases"),
            Map.entry("applicants", "cases"),
            Map.entry("case_notes", "cases"),
            Map.entry("checklist_items", "cases"),
            Map.entry("filing_overrides", "cases"),
            Map.entry("case_documents", "cases"),
            Map.entry("case_document_chunks", "cases"),
            Map.entry("case_outcomes", "cases"),
            Map.entry("prefecture_kit_pieces", "cases"),
            Map.entry("prefecture_kit_changes", "cases"),
            Map.entry("shared_prefecture_kits", "cases"),
            Map.entry("retention_settings", "cases"),
            Map.entry("folded", "cases"), // the search's accent-folding function (V62)
            Map.entry("published_cases", "cases"),
            Map.entry("published_applicants", "cases"),
            Map.entry("published_case_outcomes", "cases"),
            Map.entry("published_case_documents", "cases"),
            Map.entry("open_tasks", "procedure"),
            Map.entry("appointment_attempts", "procedure"),
            Map.entry("published_open_tasks", "procedure"),
            Map.entry("reminders", "alerts"),
            Map.entry("alert_settings", "alerts"),
            Map.entry("digests", "alerts"),
            Map.entry("calendar_feeds", "alerts"),
            Map.entry("status_links", "status"),
            Map.entry("status_contacts", "status"),
            Map.entry("status_reminder_consents", "status"),
            Map.entry("applicant_messages", "alerts"),
            Map.entry("appeal_consents", "appeals"),
            Map.entry("appeal_offers", "appeals"),
            Map.entry("appeal_offer_declines", "appeals"),
            Map.entry("export_jobs", "reporting"),
            Map.entry("stats_open_cases", "reporting"),
            Map.entry("stats_outcomes", "reporting"),
            Map.entry("stats_durations", "reporting"),
            Map.entry("stats_failed_attempts", "reporting"),
            Map.entry("audit_events", "audit"),
            Map.entry("platform_audit_events", "platform"),
            Map.entry("associations", "tenancy"),
            Map.entry("flyway_schema_history", "tenancy"));

    /**
     * Read by every module: the register of associations (the tenants, written by platform's admins) and
     * Flyway's history of the migrations.
     */
    private static final Set<String> SHARED = Set.of("associations", "flyway_schema_history");

    @Test
    void everyTableOfTheMigrationsHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher m = CREATED.matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1));
                }
            }
        }
        assertThat(created).isNotEmpty();
        assertThat(OWNERS.keySet()).containsAll(created);
    }

    @Test
    void noModuleNamesAnotherModulesTablesInSql() throws IOException {
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                trespasses.addAll(trespasses(MAIN.relativize(file), Files.readString(file)));
            }
        }
        assertThat(trespasses).isEmpty();
    }

    @Test
    void aJoinOnAnotherModulesTableIsCaught() {
        assertThat(trespasses(Path.of("reporting/Example.java"), "SELECT 1 FROM app.open_tasks t JOIN app.cases c"))
                .containsExactly(
                        "reporting/Example.java names app.open_tasks (procedure's)",
                        "reporting/Example.java names app.cases (cases')");
        assertThat(trespasses(Path.of("reporting/Example.java"), "FROM app.published_cases c, app.export_jobs"))
                .isEmpty();
    }

    private static List<String> trespasses(Path file, String source) {
        String module = file.getName(0).toString();
        List<String> found = new ArrayList<>();
        Matcher m = NAMED.matcher(source);
        while (m.find()) {
            String table = m.group(1);
            String owner = OWNERS.get(table);
            if (owner == null) {
                found.add(file + " names app." + table + ", owned by no module: add it to OWNERS");
            } else if (!owner.equals(module) && !table.startsWith("published_") && !SHARED.contains(table)) {
                found.add(file + " names app." + table + " (" + owner + (owner.endsWith("s") ? "'" : "'s") + ")");
            }
        }
        return found;
    }
}
