package fr.passerelle.cases;

import fr.passerelle.audit.Audit;
import fr.passerelle.cases.ChecklistCatalog.Entry;
import fr.passerelle.cases.ChecklistCatalog.Stage;
import fr.passerelle.cases.ChecklistLine.Recorded;
import fr.passerelle.cases.internal.KitPiece;
import fr.passerelle.cases.internal.PrefectureKits;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.AssociationTime;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.web.Problem;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's document checklist: its ground's list ({@link ChecklistCatalog}) as the prefecture kit of
 * the case's department adjusts it ({@link PrefectureKits}), with what the association has recorded
 * about each piece, evaluated on a given day.
 */
@Service
class Checklists {
    private final ChecklistCatalog catalog;
    private final CaseRepository cases;
    private final CaseAccess access;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Audit audit;
    private final PrefectureKits kits;

    Checklists(
            ChecklistCatalog catalog,
            CaseRepository cases,
            CaseAccess access,
            JdbcTemplate jdbc,
            Clock clock,
            Audit audit,
            PrefectureKits kits) {
        this.kits = kits;
        this.catalog = catalog;
        this.cases = cases;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    record Override(String reason, String byId, String byName, java.time.Instant at) {}

    record ChecklistView(
            UUID caseId,
            Ground ground,
            String source,
            LocalDate asOf,
            boolean readyToFile,
            Override filingOverride,
            List<ChecklistLine> pieces) {}

    record PieceUpdate(
            PieceStatus status,
            String variant,
            LocalDate issuedOn,
            Boolean foreignLanguage,
            Boolean translated,
            String note) {}

    @Transactional // not read-only: it writes the audit log's read entry
    ChecklistView view(UUID caseId) {
        access.requireStaff(); // the filing's checklist: a lawyer reads the appeal's documents instead
        CaseFile file = cases.require(caseId);
        access.requireNotArchived(file);
        LocalDate today = today();
        List<ChecklistLine> lines = lines(file, today);
        Override override = override(caseId).orElse(null);
        audit.read(caseId, "checklist");
        return new ChecklistView(
                caseId,
                file.ground(),
                file.renewalOf() != null ? catalog.renewalSource() : catalog.source(file.ground()),
                today,
                lines.stream().noneMatch(ChecklistLine::blocksFiling),
                override,
                lines);
    }

    @Transactional
    ChecklistLine update(UUID caseId, String piece, PieceUpdate update) {
        CurrentAssociation association = access.requireStaff();
        CaseFile file = cases.require(caseId);
        access.requireOpen(file);
        Entry entry = entry(file, piece);
        if (update.variant() != null && entry.piece().variant(update.variant()).isEmpty()) {
            String kinds = entry.piece().variants().stream()
                    .map(ChecklistCatalog.Variant::code)
                    .collect(java.util.stream.Collectors.joining(", "));
            throw kinds.isEmpty()
                    ? UnprocessableInputException.of("variant", "no_variants", "this piece has no kinds to choose from")
                    : UnprocessableInputException.of("variant", "not_choice", "must be one of {0}", kinds);
        }
        String actor = Users.current().map(user -> user.username()).orElse("system");
        jdbc.update(
                """
                INSERT INTO app.checklist_items (tenant_id, case_id, piece, status, variant, issued_on,
                    foreign_language, translated, note, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (case_id, piece) DO UPDATE SET status = excluded.status, variant = excluded.variant,
                    issued_on = excluded.issued_on, foreign_language = excluded.foreign_language,
                    translated = excluded.translated, note = excluded.note, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""",
                association.slug(),
                caseId,
                piece,
                update.status().name(),
                update.variant(),
                update.issuedOn() == null ? null : Date.valueOf(update.issuedOn()),
                update.foreignLanguage(),
                Boolean.TRUE.equals(update.translated()),
                Text.blankToNull(update.note()),
                Timestamp.from(clock.instant()),
                actor);
        audit.changed(caseId, "CHECKLIST_UPDATED", piece + ": " + update.status());
        return lines(file, today(), piece).stream()
                .filter(line -> line.piece().equals(piece))
                .findFirst()
                .orElseThrow();
    }

    /** A file was uploaded for a piece still MISSING: it is now RECEIVED (to be verified). */
    void received(UUID caseId, String piece, String tenant) {
        jdbc.update(
                """
                INSERT INTO app.checklist_items (tenant_id, case_id, piece, status, updated_at, updated_by)
                VALUES (?, ?, ?, 'RECEIVED', ?, ?)
                ON CONFLICT (case_id, piece) DO UPDATE SET status = 'RECEIVED', updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                WHERE checklist_items.status = 'MISSING'""",
                tenant,
                caseId,
                piece,
                Timestamp.from(clock.instant()),
                Users.current().map(user -> user.username()).orElse("system"));
    }

    /** A piece of a case's list and how the prefecture's kit adjusts it (null: as the catalogue has it). */
    private record Listed(Entry entry, KitPiece kit) {}

    /**
     * The catalogue's list for the case, as the kit of its department adjusts it (the association's kit:
     * {@link PrefectureKits}), the pieces the kit adds last. A renewal case's list is the renewal list
     * (L433-4 CESEDA; décret n° 2025-647), whatever its ground. Read each time: a kit's change applies
     * to every case of the department, open ones too.
     */
    private List<Listed> list(CaseFile file) {
        boolean renewal = file.renewalOf() != null;
        Map<String, KitPiece> kit = new LinkedHashMap<>(kits.adjustments(
                file.department(),
                renewal ? ChecklistCatalog.RENEWAL : file.ground().article()));
        List<Listed> listed = new ArrayList<>();
        for (Entry entry : renewal ? catalog.renewal() : catalog.of(file.ground())) {
            listed.add(new Listed(entry, kit.remove(entry.code())));
        }
        kit.values().stream().filter(KitPiece::added).forEach(added -> listed.add(new Listed(entry(added), added)));
        return listed;
    }

    /** A piece the kit adds: due at filing, no kind, no expiry; its labels are the coordinator's. */
    private static Entry entry(KitPiece added) {
        return new Entry(
                added.piece(),
                new ChecklistCatalog.Piece(
                        added.labelEn(), added.labelFr(), Stage.FILING, false, null, List.of(), false, false, false),
                added.required(),
                null,
                null,
                null);
    }

    /** The piece on this case's checklist (one the kit removed included), or 404 naming it. */
    Entry entry(CaseFile file, String piece) {
        return list(file).stream()
                .map(Listed::entry)
                .filter(entry -> entry.code().equals(piece))
                .findFirst()
                .orElseThrow(() -> Problem.notFound(
                        "piece_not_on_checklist", piece, file.ground().article()));
    }

    /**
     * The case's pieces on a day. A piece the kit removed is left out unless something was recorded or
     * uploaded for it: a received piece is never lost, it shows as no longer asked for.
     */
    List<ChecklistLine> lines(CaseFile file, LocalDate asOf) {
        return lines(file, asOf, null);
    }

    /** As {@link #lines(CaseFile, LocalDate)}, with the piece {@code shown} whatever the kit says. */
    private List<ChecklistLine> lines(CaseFile file, LocalDate asOf, String shown) {
        Map<String, Recorded> recorded = recorded(file.id());
        Map<String, Integer> documents = documentCounts(file.id());
        return list(file).stream()
                .filter(listed -> listed.kit() == null
                        || !listed.kit().removed()
                        || listed.entry().code().equals(shown)
                        || recorded.getOrDefault(listed.entry().code(), Recorded.NOTHING)
                                        .status()
                                != PieceStatus.MISSING
                        || documents.getOrDefault(listed.entry().code(), 0) > 0)
                .map(listed -> ChecklistLine.of(
                        listed.entry()
                                .given(piece -> recorded.getOrDefault(piece, Recorded.NOTHING)
                                        .variant()),
                        recorded.getOrDefault(listed.entry().code(), Recorded.NOTHING),
                        documents.getOrDefault(listed.entry().code(), 0),
                        asOf,
                        listed.kit()))
                .toList();
    }

    Optional<Override> override(UUID caseId) {
        return jdbc
                .query(
                        "SELECT reason, by_id, by_name, at FROM app.filing_overrides WHERE case_id = ?",
                        (row, i) -> new Override(
                                row.getString("reason"),
                                row.getString("by_id"),
                                row.getString("by_name"),
                                row.getTimestamp("at").toInstant()),
                        caseId)
                .stream()
                .findFirst();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(AssociationTime.ZONE));
    }

    private Map<String, Recorded> recorded(UUID caseId) {
        Map<String, Recorded> found = new HashMap<>();
        jdbc.query(
                """
                SELECT piece, status, variant, issued_on, foreign_language, translated, note, updated_at, updated_by
                FROM app.checklist_items WHERE case_id = ?""",
                (ResultSet row) -> {
                    found.put(row.getString("piece"), recorded(row));
                },
                caseId);
        return found;
    }

    private static Recorded recorded(ResultSet row) throws SQLException {
        Date issued = row.getDate("issued_on");
        return new Recorded(
                PieceStatus.valueOf(row.getString("status")),
                row.getString("variant"),
                issued == null ? null : issued.toLocalDate(),
                (Boolean) row.getObject("foreign_language"),
                row.getBoolean("translated"),
                row.getString("note"),
                row.getTimestamp("updated_at").toInstant(),
                row.getString("updated_by"));
    }

    private Map<String, Integer> documentCounts(UUID caseId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query(
                "SELECT piece, count(*) AS n FROM app.case_documents WHERE case_id = ? GROUP BY piece",
                (ResultSet row) -> {
                    counts.put(row.getString("piece"), row.getInt("n"));
                },
                caseId);
        return counts;
    }
}
