package fr.passerelle.cases.internal;

import static fr.passerelle.security.Role.CASEWORKER;
import static fr.passerelle.security.Role.COORDINATOR;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.audit.Audit;
import fr.passerelle.cases.internal.CatalogueLists.CataloguePiece;
import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.web.InputRefusal;
import fr.passerelle.web.InputRefusal.Fault;
import fr.passerelle.web.Problem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prefecture kits: how an association adjusts the catalogue's checklists for the prefecture of a
 * department (each prefecture asks for its own extras and has its own ways: "original + 2 copies",
 * "appointment only through the online form"). A coordinator adds a piece, removes one, or gives one a
 * local note; every change is kept with who made it and when (the kit's history, and the association's
 * audit log). A case's checklist applies the kit of its department ({@code cases.Checklists}).
 *
 * <p>A coordinator may publish the kit: a copy of it, with no one's name, that every association reads
 * ({@code shared_prefecture_kits}, V102) and another association of the department may start from. The
 * working kit and its history stay under the association's row-level security.
 */
@Service
public class PrefectureKits {
    /** Metropolitan 01-95 (Corsica 2A/2B, no 20) and the overseas departments 971-974 and 976. */
    public static final String DEPARTMENT = "0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-46]";

    /** The prefix of the codes of the pieces a kit adds: no catalogue piece has it. */
    static final String ADDED = "local-";

    private static final TypeReference<List<KitPiece>> PIECES = new TypeReference<>() {};

    private final CatalogueLists catalogue;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Audit audit;
    private final ObjectMapper json;

    PrefectureKits(CatalogueLists catalogue, JdbcTemplate jdbc, Clock clock, Audit audit, ObjectMapper json) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.json = json;
        if (catalogue.lists().stream()
                .flatMap(list -> catalogue.pieces(list).orElseThrow().stream())
                .anyMatch(piece -> piece.piece().startsWith(ADDED))) {
            throw new IllegalStateException("A catalogue piece's code starts with " + ADDED + ", kept for kits");
        }
    }

    /** One piece of a list as the kit makes it. {@code fromCatalogue}: the catalogue's piece, else the kit's. */
    public record KitLine(
            String piece,
            String labelFr,
            String labelEn,
            boolean required,
            boolean fromCatalogue,
            boolean removed,
            String noteFr,
            String noteEn) {}

    public record KitList(
            String department, String list, List<String> lists, List<KitLine> pieces, Instant publishedAt) {}

    public record KitChange(
            long id, String list, String piece, String change, String detail, String byName, Instant at) {}

    public record KitSummary(String department, int adjustedPieces, Instant publishedAt) {}

    /** A kit another association published: its name, not its members'. */
    public record SharedKit(
            String association,
            String associationName,
            String department,
            Instant publishedAt,
            List<KitPiece> pieces) {}

    public record Kits(List<KitSummary> own, List<SharedKit> shared) {}

    public record NewPiece(String labelFr, String labelEn, boolean required, String noteFr, String noteEn) {}

    /** {@code required}: only for a piece the kit added (null keeps it). A note of null clears it. */
    public record PieceChange(boolean removed, Boolean required, String noteFr, String noteEn) {}

    /** The association's adjustments of one list for a department, by piece (for a case: no role check). */
    @Transactional(readOnly = true)
    public Map<String, KitPiece> adjustments(String department, String list) {
        Map<String, KitPiece> found = new LinkedHashMap<>();
        jdbc.query(
                """
                SELECT list, piece, label_fr, label_en, required, removed, note_fr, note_en
                FROM app.prefecture_kit_pieces WHERE department = ? AND list = ? ORDER BY label_fr NULLS FIRST, piece""",
                (ResultSet row) -> {
                    KitPiece piece = piece(row);
                    found.put(piece.piece(), piece);
                },
                department,
                list);
        return found;
    }

    /** The association's kits and those other associations published. */
    @Transactional(readOnly = true)
    public Kits kits() {
        CurrentAssociation association = Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        Map<String, Instant> published = new LinkedHashMap<>();
        jdbc.query(
                "SELECT department, published_at FROM app.shared_prefecture_kits WHERE tenant_id = ?",
                (ResultSet row) -> {
                    published.put(
                            row.getString("department"),
                            row.getTimestamp("published_at").toInstant());
                },
                association.slug());
        List<KitSummary> own = jdbc.query(
                "SELECT department, count(*) AS n FROM app.prefecture_kit_pieces GROUP BY department ORDER BY department",
                (row, i) -> new KitSummary(
                        row.getString("department"), row.getInt("n"), published.get(row.getString("department"))));
        return new Kits(own, shared(null, association.slug()));
    }

    /** One list of a department's kit: the catalogue's pieces as adjusted, then the pieces the kit adds. */
    @Transactional(readOnly = true)
    public KitList list(String department, String list) {
        CurrentAssociation association = Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        List<CataloguePiece> pieces = cataloguePieces(department, list);
        Map<String, KitPiece> kit = adjustments(department, list);
        List<KitLine> lines = new ArrayList<>();
        for (CataloguePiece piece : pieces) {
            KitPiece adjusted = kit.remove(piece.piece());
            lines.add(new KitLine(
                    piece.piece(),
                    piece.labelFr(),
                    piece.labelEn(),
                    piece.required(),
                    true,
                    adjusted != null && adjusted.removed(),
                    adjusted == null ? null : adjusted.noteFr(),
                    adjusted == null ? null : adjusted.noteEn()));
        }
        kit.values().stream()
                .filter(KitPiece::added)
                .forEach(added -> lines.add(new KitLine(
                        added.piece(),
                        added.labelFr(),
                        added.labelEn(),
                        added.required(),
                        false,
                        added.removed(),
                        added.noteFr(),
                        added.noteEn())));
        Instant publishedAt = jdbc
                .query(
                        "SELECT published_at FROM app.shared_prefecture_kits WHERE tenant_id = ? AND department = ?",
                        (row, i) -> row.getTimestamp("published_at").toInstant(),
                        association.slug(),
                        department)
                .stream()
                .findFirst()
                .orElse(null);
        return new KitList(department, list, catalogue.lists(), List.copyOf(lines), publishedAt);
    }

    /** Adds a piece to a list of the kit; its code is made from its French label. Coordinators only. */
    @Transactional
    public KitList add(String department, String list, NewPiece piece) {
        Tenancy.current().requireAnyOf(COORDINATOR);
        List<CataloguePiece> pieces = cataloguePieces(department, list);
        requireNoteInFrench(piece.noteFr(), piece.noteEn());
        String code = code(piece.labelFr());
        Map<String, KitPiece> kit = adjustments(department, list);
        if (kit.containsKey(code) || pieces.stream().anyMatch(p -> p.piece().equals(code))) {
            throw Problem.conflict("kit_piece_exists", piece.labelFr().strip(), list);
        }
        write(
                department,
                new KitPiece(
                        list,
                        code,
                        piece.labelFr().strip(),
                        piece.labelEn().strip(),
                        piece.required(),
                        false,
                        blankToNull(piece.noteFr()),
                        blankToNull(piece.noteEn())));
        changed(department, list, code, "ADDED", piece.labelFr().strip());
        if (blankToNull(piece.noteFr()) != null) {
            changed(department, list, code, "NOTED", piece.noteFr().strip());
        }
        return list(department, list);
    }

    /**
     * Removes or restores a piece, changes its local note, or (a piece the kit added) whether it is
     * required. A catalogue piece back to as the catalogue has it leaves no row. Coordinators only.
     */
    @Transactional
    public KitList change(String department, String list, String code, PieceChange change) {
        Tenancy.current().requireAnyOf(COORDINATOR);
        List<CataloguePiece> pieces = cataloguePieces(department, list);
        requireNoteInFrench(change.noteFr(), change.noteEn());
        boolean fromCatalogue = pieces.stream().anyMatch(p -> p.piece().equals(code));
        KitPiece before = adjustments(department, list).get(code);
        if (!fromCatalogue && (before == null || !before.added())) {
            throw Problem.notFound("piece_not_on_checklist", code, list);
        }
        if (fromCatalogue && change.required() != null) {
            throw InputRefusal.invalid(
                    "required",
                    Fault.of(
                            "only_added_pieces",
                            "only a piece the kit adds says whether it is required; the catalogue’s say it by law"));
        }
        KitPiece previous = before != null ? before : new KitPiece(list, code, null, null, true, false, null, null);
        KitPiece after = new KitPiece(
                list,
                code,
                previous.labelFr(),
                previous.labelEn(),
                change.required() != null ? change.required() : previous.required(),
                change.removed(),
                blankToNull(change.noteFr()),
                blankToNull(change.noteEn()));
        if (fromCatalogue && !after.removed() && after.noteFr() == null) {
            jdbc.update(
                    "DELETE FROM app.prefecture_kit_pieces WHERE department = ? AND list = ? AND piece = ?",
                    department,
                    list,
                    code);
        } else {
            write(department, after);
        }
        if (previous.removed() != after.removed()) {
            changed(department, list, code, after.removed() ? "REMOVED" : "RESTORED", null);
        }
        if (!Objects.equals(previous.noteFr(), after.noteFr()) || !Objects.equals(previous.noteEn(), after.noteEn())) {
            changed(
                    department,
                    list,
                    code,
                    after.noteFr() == null ? "NOTE_CLEARED" : "NOTED",
                    after.noteFr() == null
                            ? null
                            : after.noteFr() + (after.noteEn() == null ? "" : " / " + after.noteEn()));
        }
        if (previous.required() != after.required()) {
            changed(department, list, code, after.required() ? "REQUIRED" : "OPTIONAL", null);
        }
        return list(department, list);
    }

    /** The kit's changes for a department, newest first. */
    @Transactional(readOnly = true)
    public List<KitChange> history(String department, int limit) {
        Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        requireDepartment(department);
        return jdbc.query(
                """
                SELECT id, list, piece, change, detail, by_name, at FROM app.prefecture_kit_changes
                WHERE department = ? ORDER BY at DESC, id DESC LIMIT ?""",
                (row, i) -> new KitChange(
                        row.getLong("id"),
                        row.getString("list"),
                        row.getString("piece"),
                        row.getString("change"),
                        row.getString("detail"),
                        row.getString("by_name"),
                        row.getTimestamp("at").toInstant()),
                department,
                limit);
    }

    /** Publishes a copy of the department's kit as it is now, replacing an earlier one. Coordinators only. */
    @Transactional
    public Instant publish(String department) {
        CurrentAssociation association = Tenancy.current().requireAnyOf(COORDINATOR);
        requireDepartment(department);
        List<KitPiece> pieces = jdbc.query("""
                SELECT list, piece, label_fr, label_en, required, removed, note_fr, note_en
                FROM app.prefecture_kit_pieces WHERE department = ? ORDER BY list, piece""", (row, i) -> piece(row), department);
        if (pieces.isEmpty()) {
            throw Problem.conflict("kit_empty", department);
        }
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO app.shared_prefecture_kits (tenant_id, department, pieces, published_at)
                VALUES (?, ?, ?::jsonb, ?)
                ON CONFLICT (tenant_id, department) DO UPDATE SET pieces = excluded.pieces,
                    published_at = excluded.published_at""", association.slug(), department, toJson(pieces), Timestamp.from(now));
        changed(department, null, null, "PUBLISHED", pieces.size() + " pieces");
        return now;
    }

    /** Withdraws the published copy; associations that started from it keep their own. Coordinators only. */
    @Transactional
    public void unpublish(String department) {
        Tenancy.current().requireAnyOf(COORDINATOR);
        requireDepartment(department);
        if (jdbc.update(
                        "DELETE FROM app.shared_prefecture_kits WHERE tenant_id = ? AND department = ?",
                        Tenancy.current().slug(),
                        department)
                > 0) {
            changed(department, null, null, "UNPUBLISHED", null);
        }
    }

    /** The kits other associations published for a department. */
    @Transactional(readOnly = true)
    public List<SharedKit> shared(String department) {
        CurrentAssociation association = Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        requireDepartment(department);
        return shared(department, association.slug());
    }

    /**
     * Replaces the association's kit for a department by the copy another association published (its
     * pieces, notes and removals), to adjust from there. Coordinators only.
     */
    @Transactional
    public KitList copy(String department, String from) {
        CurrentAssociation association = Tenancy.current().requireAnyOf(COORDINATOR);
        requireDepartment(department);
        SharedKit source = shared(department, association.slug()).stream()
                .filter(kit -> kit.association().equals(from))
                .findFirst()
                .orElseThrow(() -> Problem.notFound("shared_kit_not_found", department, from));
        Set<String> lists = Set.copyOf(catalogue.lists());
        jdbc.update("DELETE FROM app.prefecture_kit_pieces WHERE department = ?", department);
        source.pieces().stream()
                .filter(piece -> lists.contains(piece.list()))
                .forEach(piece -> write(department, piece));
        changed(department, null, null, "COPIED", source.associationName() + " (" + source.publishedAt() + ")");
        return list(department, catalogue.lists().get(0));
    }

    private List<SharedKit> shared(String department, String except) {
        return jdbc.query(
                """
                SELECT s.tenant_id, a.name, s.department, s.published_at, s.pieces::text AS pieces
                FROM app.shared_prefecture_kits s JOIN app.associations a ON a.slug = s.tenant_id
                WHERE s.tenant_id <> ? AND (?::text IS NULL OR s.department = ?)
                ORDER BY s.department, a.name""",
                (row, i) -> new SharedKit(
                        row.getString("tenant_id"),
                        row.getString("name"),
                        row.getString("department"),
                        row.getTimestamp("published_at").toInstant(),
                        fromJson(row.getString("pieces"))),
                except,
                department,
                department);
    }

    private List<CataloguePiece> cataloguePieces(String department, String list) {
        requireDepartment(department);
        return catalogue
                .pieces(list)
                .orElseThrow(() -> InputRefusal.invalid(
                        "list",
                        Fault.of(
                                "not_checklist",
                                "names no checklist; expected one of {0}",
                                String.join(", ", catalogue.lists()))));
    }

    private static void requireDepartment(String department) {
        if (department == null || !department.matches(DEPARTMENT)) {
            throw InputRefusal.invalid(
                    "department", Fault.of("not_department", "must be a French department code such as 69, 2A or 974"));
        }
    }

    private static void requireNoteInFrench(String noteFr, String noteEn) {
        if (blankToNull(noteEn) != null && blankToNull(noteFr) == null) {
            throw InputRefusal.invalid(
                    "noteFr", Fault.of("note_in_french_first", "write the note in French first (the prefecture's)"));
        }
    }

    /** {@code local-} and the French label's words, without accents, cut at 60 characters. */
    static String code(String labelFr) {
        String words = Normalizer.normalize(labelFr, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        String code = (ADDED + (words.isEmpty() ? "piece" : words));
        return code.length() <= 60 ? code : code.substring(0, 60).replaceAll("-$", "");
    }

    private void write(String department, KitPiece piece) {
        jdbc.update(
                """
                INSERT INTO app.prefecture_kit_pieces (tenant_id, department, list, piece, label_fr, label_en,
                    required, removed, note_fr, note_en, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, department, list, piece) DO UPDATE SET label_fr = excluded.label_fr,
                    label_en = excluded.label_en, required = excluded.required, removed = excluded.removed,
                    note_fr = excluded.note_fr, note_en = excluded.note_en, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""",
                Tenancy.current().slug(),
                department,
                piece.list(),
                piece.piece(),
                piece.labelFr(),
                piece.labelEn(),
                piece.required(),
                piece.removed(),
                piece.noteFr(),
                piece.noteEn(),
                Timestamp.from(clock.instant()),
                Users.current().map(CurrentUser::username).orElse("system"));
    }

    /** In the kit's history and in the association's audit log, in the change's transaction. */
    private void changed(String department, String list, String piece, String change, String detail) {
        CurrentUser user = Users.current().orElse(null);
        jdbc.update(
                """
                INSERT INTO app.prefecture_kit_changes (tenant_id, department, list, piece, change, detail, by_id,
                    by_name, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Tenancy.current().slug(),
                department,
                list,
                piece,
                change,
                detail,
                user == null ? "system" : user.id(),
                user == null ? "Passerelle" : user.username(),
                Timestamp.from(clock.instant()));
        audit.changed(
                null,
                "PREFECTURE_KIT_" + change,
                java.util.stream.Stream.of(department, list, piece, detail)
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining(" · ")));
    }

    private static KitPiece piece(ResultSet row) throws SQLException {
        return new KitPiece(
                row.getString("list"),
                row.getString("piece"),
                row.getString("label_fr"),
                row.getString("label_en"),
                row.getBoolean("required"),
                row.getBoolean("removed"),
                row.getString("note_fr"),
                row.getString("note_en"));
    }

    private String toJson(List<KitPiece> pieces) {
        try {
            return json.writeValueAsString(pieces);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<KitPiece> fromJson(String pieces) {
        try {
            return json.readValue(pieces, PIECES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable shared kit", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
