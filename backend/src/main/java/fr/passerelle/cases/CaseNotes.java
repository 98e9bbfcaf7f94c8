package fr.passerelle.cases;

import fr.passerelle.audit.Audit;
import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.CurrentAssociation;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Notes on a case, newest first: who wrote what, when. */
@Service
class CaseNotes {
    static final int MAX_TEXT = 10_000;
    private final CaseNoteRepository notes;
    private final CaseRepository cases;
    private final CaseAccess access;
    private final Clock clock;
    private final Audit audit;

    CaseNotes(CaseNoteRepository notes, CaseRepository cases, CaseAccess access, Clock clock, Audit audit) {
        this.notes = notes;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
    }

    record NoteView(UUID id, String authorId, String authorName, String text, java.time.Instant createdAt) {
        static NoteView of(CaseNote note) {
            return new NoteView(note.id(), note.authorId(), note.authorName(), note.text(), note.createdAt());
        }
    }

    @Transactional // not read-only: it writes the audit log's read entry
    List<NoteView> of(UUID caseId) {
        access.requireStaff(); // the association's own notes: never a lawyer's appeal part
        access.requireNotArchived(cases.require(caseId));
        List<NoteView> found = notes.findByCaseIdOrderByCreatedAtDesc(caseId).stream()
                .map(NoteView::of)
                .toList();
        audit.read(caseId, "notes");
        return found;
    }

    @Transactional
    NoteView add(UUID caseId, String text) {
        CurrentAssociation association = access.requireStaff();
        access.requireOpen(cases.require(caseId));
        CurrentUser author = Users.current().orElseThrow();
        CaseNote note = notes.saveAndFlush(new CaseNote(
                UUID.randomUUID(),
                association.slug(),
                caseId,
                author.id(),
                author.name(),
                text.strip(),
                clock.instant()));
        audit.changed(caseId, "NOTE_ADDED", "note " + note.id());
        return NoteView.of(note);
    }
}
