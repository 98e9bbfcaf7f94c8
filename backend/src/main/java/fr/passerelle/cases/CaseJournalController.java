package fr.passerelle.cases;

import fr.passerelle.web.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A case's notes and timeline. */
@Tag(name = "Cases")
@RestController
@RequestMapping("/api/cases/{caseId}")
class CaseJournalController {
    private final CaseNotes notes;
    private final CaseTimeline timeline;

    CaseJournalController(CaseNotes notes, CaseTimeline timeline) {
        this.notes = notes;
        this.timeline = timeline;
    }

    record NewNote(
            @PlainText.MultiLine @NotBlank @Size(max = CaseNotes.MAX_TEXT)
            String text) {}

    @Operation(operationId = "listNotes", summary = "List a case's notes", description = "Newest first.")
    @GetMapping("/notes")
    List<CaseNotes.NoteView> notes(@PathVariable UUID caseId) {
        return notes.of(caseId);
    }

    @Operation(
            operationId = "addNote",
            summary = "Add a note to a case",
            description = "Text on several lines: 201 with the note.")
    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    CaseNotes.NoteView addNote(@PathVariable UUID caseId, @Valid @RequestBody NewNote note) {
        return notes.add(caseId, note.text());
    }

    @Operation(
            operationId = "caseTimeline",
            summary = "Read a case's timeline",
            description = "What happened to the case, from its procedure and its audit log, in order.")
    @GetMapping("/timeline")
    List<CaseTimeline.Entry> timeline(@PathVariable UUID caseId) {
        return timeline.of(caseId);
    }
}
