package fr.passerelle.cases;

import fr.passerelle.audit.Audit;
import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.web.InputRefusal;
import fr.passerelle.web.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of a case's pieces, kept in PostgreSQL under row-level security (so one
 * association's files can never be read as another's), in chunks so that uploads and
 * downloads stream with flat memory. Only PDF, JPEG and PNG, recognised by their content.
 */
@Service
class CaseDocuments {
    static final int CHUNK = 256 * 1024;
    private final CaseRepository cases;
    private final Checklists checklists;
    private final CaseAccess access;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final DocumentProperties properties;
    private final Clock clock;
    private final Audit audit;

    CaseDocuments(
            CaseRepository cases,
            Checklists checklists,
            CaseAccess access,
            JdbcTemplate jdbc,
            DataSource dataSource,
            DocumentProperties properties,
            Clock clock,
            Audit audit) {
        this.cases = cases;
        this.checklists = checklists;
        this.access = access;
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1); // a cursor: one chunk in memory at a time
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    record DocumentView(
            UUID id,
            String piece,
            String filename,
            String contentType,
            long size,
            String sha256,
            Instant uploadedAt,
            String uploadedBy,
            boolean fromApplicant) {}

    @Transactional
    DocumentView upload(UUID caseId, String piece, String filename, String declaredType, InputStream content) {
        CurrentAssociation association = access.requireStaff();
        CurrentUser user = Users.current().orElseThrow();
        return store(association.slug(), caseId, piece, filename, declaredType, content, user.id(), user.username());
    }

    /**
     * A file the applicant sent from their status page (the caller, {@link CaseForApplicant}, checked their
     * link): stored as any other, marked as theirs ({@link #FROM_APPLICANT}); the piece becomes RECEIVED
     * (to check) only if it was MISSING, so a verified piece stays verified.
     */
    @Transactional
    DocumentView uploadFromApplicant(
            String tenant, UUID caseId, String piece, String filename, String declaredType, InputStream content) {
        return store(tenant, caseId, piece, filename, declaredType, content, FROM_APPLICANT, FROM_APPLICANT);
    }

    /** The uploader of a file the applicant sent themselves (no account: not a member's id). */
    static final String FROM_APPLICANT = "applicant";

    private DocumentView store(
            String tenant,
            UUID caseId,
            String piece,
            String filename,
            String declaredType,
            InputStream content,
            String byId,
            String byName) {
        CaseFile file = cases.require(caseId);
        access.requireOpen(file);
        checklists.entry(file, piece);
        UUID id = UUID.randomUUID();
        String name = cleanName(filename);
        try (DigestInputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[CHUNK];
            int length = in.readNBytes(buffer, 0, CHUNK);
            if (length == 0) {
                throw refused(HttpStatus.BAD_REQUEST, "empty_file", "the file is empty");
            }
            DocumentType type = DocumentType.sniff(buffer, length)
                    .orElseThrow(() -> refused(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "not_pdf_jpeg_png",
                            "only PDF, JPEG or PNG files are accepted (by their content)"));
            Optional<DocumentType> declared = DocumentType.declared(declaredType);
            if (declared.isPresent() && declared.get() != type) {
                throw refused(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "declared_type_differs",
                        "declared as " + declared.get().mediaType() + " but its content is " + type.mediaType(),
                        declared.get().mediaType(),
                        type.mediaType());
            }
            long size = 0;
            int seq = 0;
            long max = properties.maxSize().toBytes();
            while (length > 0) {
                size += length;
                if (size > max) {
                    throw refused(HttpStatus.PAYLOAD_TOO_LARGE, "larger_than", "is larger than " + max + " bytes", max);
                }
                jdbc.update("""
                        INSERT INTO app.case_document_chunks (tenant_id, document_id, seq, data)
                        VALUES (?, ?, ?, ?)""", tenant, id, seq++, java.util.Arrays.copyOf(buffer, length));
                length = in.readNBytes(buffer, 0, CHUNK);
            }
            // Written once, after its chunks (their foreign key is checked at commit): no UPDATE grant needed.
            String sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
            Instant now = clock.instant();
            jdbc.update(
                    """
                    INSERT INTO app.case_documents (id, tenant_id, case_id, piece, filename, content_type, size_bytes,
                        sha256, uploaded_at, uploaded_by_id, uploaded_by_name)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id,
                    tenant,
                    caseId,
                    piece,
                    name,
                    type.mediaType(),
                    size,
                    sha256,
                    Timestamp.from(now),
                    byId,
                    byName);
            checklists.received(caseId, piece, tenant);
            String detail = piece + ": " + name + " (" + size + " bytes)";
            if (FROM_APPLICANT.equals(byId)) {
                audit.byApplicant(caseId, "DOCUMENT_FROM_APPLICANT", detail);
            } else {
                audit.changed(caseId, "DOCUMENT_UPLOADED", detail);
            }
            return new DocumentView(
                    id, piece, name, type.mediaType(), size, sha256, now, byName, FROM_APPLICANT.equals(byId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional // not read-only: it writes the audit log's read entry
    List<DocumentView> list(UUID caseId) {
        access.requireRead(caseId);
        CaseFile file = cases.require(caseId);
        List<DocumentView> documents = jdbc.query("""
                SELECT id, piece, filename, content_type, size_bytes, sha256, uploaded_at, uploaded_by_id, uploaded_by_name
                FROM app.case_documents WHERE case_id = ? ORDER BY uploaded_at DESC""", (row, i) -> view(row), caseId).stream()
                .filter(document -> access.mayReadPiece(file, document.piece()))
                .toList();
        audit.read(caseId, "document list");
        return documents;
    }

    /**
     * Finds a document (404 before anything is written), lets the caller set the response's
     * headers and open its body, then copies the content into it chunk by chunk from a cursor,
     * within this transaction, as the association.
     */
    @Transactional // not read-only: it writes the audit log's read entry
    void download(UUID caseId, UUID documentId, java.util.function.Function<DocumentView, OutputStream> open) {
        access.requireRead(caseId);
        CaseFile file = cases.require(caseId);
        DocumentView document = find(caseId, documentId);
        if (!access.mayReadPiece(file, document.piece())) {
            if (access.isHealth(document.piece()) && Tenancy.current().isStaff()) {
                // staff know the piece exists (the checklist shows it): the refusal says why
                throw new AccessDeniedException("A medical piece: only the case's assignee and the coordinators");
            }
            throw Problem.notFound("document_not_found", documentId);
        }
        String what = "document " + documentId + " (" + document.piece() + ")";
        if (access.isHealth(document.piece())) {
            audit.healthRead(caseId, what); // who, when, which piece: each opening of health data
        } else {
            audit.read(caseId, what);
        }
        OutputStream out = open.apply(document);
        streaming.query(
                "SELECT data FROM app.case_document_chunks WHERE document_id = ? ORDER BY seq",
                (java.sql.ResultSet row) -> {
                    try {
                        out.write(row.getBytes("data"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                documentId);
    }

    @Transactional
    void delete(UUID caseId, UUID documentId) {
        access.requireStaff();
        access.requireOpen(cases.require(caseId));
        DocumentView document = find(caseId, documentId);
        jdbc.update("DELETE FROM app.case_documents WHERE id = ?", documentId);
        audit.changed(caseId, "DOCUMENT_DELETED", document.piece() + ": " + document.filename());
    }

    private DocumentView find(UUID caseId, UUID documentId) {
        return jdbc.query("""
                SELECT id, piece, filename, content_type, size_bytes, sha256, uploaded_at, uploaded_by_id, uploaded_by_name
                FROM app.case_documents WHERE id = ? AND case_id = ?""", (row, i) -> view(row), documentId, caseId).stream()
                .findFirst()
                .orElseThrow(() -> Problem.notFound("document_not_found", documentId));
    }

    private static DocumentView view(java.sql.ResultSet row) throws java.sql.SQLException {
        return new DocumentView(
                row.getObject("id", UUID.class),
                row.getString("piece"),
                row.getString("filename"),
                row.getString("content_type"),
                row.getLong("size_bytes"),
                row.getString("sha256"),
                row.getTimestamp("uploaded_at").toInstant(),
                row.getString("uploaded_by_name"),
                FROM_APPLICANT.equals(row.getString("uploaded_by_id")));
    }

    private static InputRefusal refused(HttpStatus status, String code, String why, Object... args) {
        return new InputRefusal(
                status,
                status == HttpStatus.BAD_REQUEST ? "invalid" : null,
                Map.of("file", InputRefusal.Fault.of(code, why, args)));
    }

    private static String cleanName(String filename) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty()) {
            name = "document";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
