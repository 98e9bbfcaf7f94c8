package fr.passerelle.cases;

import fr.passerelle.web.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A case's document checklist and the coordinator's filing override. */
@Tag(name = "Checklist and documents")
@RestController
@RequestMapping("/api/cases/{caseId}")
class ChecklistController {
    private final Checklists checklists;
    private final FilingReadiness readiness;

    ChecklistController(Checklists checklists, FilingReadiness readiness) {
        this.checklists = checklists;
        this.readiness = readiness;
    }

    record PieceRequest(
            @NotNull PieceStatus status,
            @Size(max = 60) String variant,
            @PastOrPresent LocalDate issuedOn,
            Boolean foreignLanguage,
            Boolean translated,
            @PlainText.MultiLine @Size(max = 2000) String note) {}

    record OverrideRequest(
            @PlainText.MultiLine @NotBlank @Size(max = 2000) String reason) {}

    @Operation(
            operationId = "getChecklist",
            summary = "Read a case's checklist",
            description =
                    "Each piece the ground asks for, with its status, dates, problems and documents, and whether the file may be filed.")
    @GetMapping("/checklist")
    Checklists.ChecklistView checklist(@PathVariable UUID caseId) {
        return checklists.view(caseId);
    }

    @Operation(
            operationId = "recordPiece",
            summary = "Record a checklist piece",
            description =
                    "Its status, kind, date of issue, translation and note; a kind the piece does not have is a 422.")
    @PutMapping("/checklist/{piece}")
    ChecklistLine update(
            @PathVariable UUID caseId, @PathVariable String piece, @Valid @RequestBody PieceRequest request) {
        return checklists.update(
                caseId,
                piece,
                new Checklists.PieceUpdate(
                        request.status(),
                        request.variant(),
                        request.issuedOn(),
                        request.foreignLanguage(),
                        request.translated(),
                        request.note()));
    }

    @Operation(
            operationId = "overrideFiling",
            summary = "Allow filing with pieces missing",
            description = "Coordinators only, with a reason.")
    @PutMapping("/filing-override")
    Checklists.Override override(@PathVariable UUID caseId, @Valid @RequestBody OverrideRequest request) {
        return readiness.override(caseId, request.reason());
    }

    @Operation(
            operationId = "withdrawFilingOverride",
            summary = "Withdraw the filing override",
            description = "Coordinators only.")
    @DeleteMapping("/filing-override")
    ResponseEntity<Void> withdrawOverride(@PathVariable UUID caseId) {
        readiness.withdrawOverride(caseId);
        return ResponseEntity.noContent().build();
    }
}
