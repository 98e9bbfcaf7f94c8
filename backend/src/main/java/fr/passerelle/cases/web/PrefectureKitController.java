package fr.passerelle.cases.web;

import fr.passerelle.cases.internal.PrefectureKits;
import fr.passerelle.cases.internal.PrefectureKits.KitChange;
import fr.passerelle.cases.internal.PrefectureKits.KitList;
import fr.passerelle.cases.internal.PrefectureKits.Kits;
import fr.passerelle.cases.internal.PrefectureKits.SharedKit;
import fr.passerelle.web.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The prefecture kits: read by staff, changed and published by coordinators (docs/api-cases.md). */
@Tag(name = "Prefecture kits")
@RestController
@RequestMapping("/api/prefecture-kits")
class PrefectureKitController {
    private final PrefectureKits kits;

    PrefectureKitController(PrefectureKits kits) {
        this.kits = kits;
    }

    record NewPieceRequest(
            @NotBlank @Size(max = 300) String labelFr,
            @NotBlank @Size(max = 300) String labelEn,
            Boolean required,
            @PlainText.MultiLine @Size(max = 500) String noteFr,
            @PlainText.MultiLine @Size(max = 500) String noteEn) {}

    record PieceChangeRequest(
            @NotNull Boolean removed,
            Boolean required,
            @PlainText.MultiLine @Size(max = 500) String noteFr,
            @PlainText.MultiLine @Size(max = 500) String noteEn) {}

    record CopyRequest(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "{passerelle.slug}")
            String from) {}

    record Publication(Instant publishedAt) {}

    @Operation(
            operationId = "listPrefectureKits",
            summary = "List the prefecture kits",
            description = "The association's kits (departments with adjusted pieces) and those other associations"
                    + " published.")
    @GetMapping
    Kits kits() {
        return kits.kits();
    }

    @Operation(
            operationId = "getPrefectureKitList",
            summary = "Read one checklist of a prefecture kit",
            description = "The catalogue's pieces of the list (a ground's article, or renewal) as the department's"
                    + " kit adjusts them, then the pieces the kit adds.")
    @GetMapping("/{department}/lists/{list}")
    KitList list(@PathVariable String department, @PathVariable String list) {
        return kits.list(department, list);
    }

    @Operation(
            operationId = "addPrefectureKitPiece",
            summary = "Add a piece to a prefecture kit",
            description = "Coordinators only. Labels in French and English; required unless said otherwise; an"
                    + " optional local note.")
    @PostMapping("/{department}/lists/{list}/pieces")
    ResponseEntity<KitList> add(
            @PathVariable String department, @PathVariable String list, @Valid @RequestBody NewPieceRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(kits.add(
                        department,
                        list,
                        new PrefectureKits.NewPiece(
                                request.labelFr(),
                                request.labelEn(),
                                request.required() == null || request.required(),
                                request.noteFr(),
                                request.noteEn())));
    }

    @Operation(
            operationId = "changePrefectureKitPiece",
            summary = "Change a piece of a prefecture kit",
            description = "Coordinators only. Removes or restores the piece, sets or clears its local note; for a"
                    + " piece the kit added, whether it is required.")
    @PutMapping("/{department}/lists/{list}/pieces/{piece}")
    KitList change(
            @PathVariable String department,
            @PathVariable String list,
            @PathVariable String piece,
            @Valid @RequestBody PieceChangeRequest request) {
        return kits.change(
                department,
                list,
                piece,
                new PrefectureKits.PieceChange(
                        request.removed(), request.required(), request.noteFr(), request.noteEn()));
    }

    @Operation(
            operationId = "prefectureKitHistory",
            summary = "Read a prefecture kit's history",
            description = "Who changed the department's kit, how and when, newest first.")
    @GetMapping("/{department}/history")
    List<KitChange> history(@PathVariable String department, @RequestParam(defaultValue = "100") int limit) {
        return kits.history(department, Math.max(1, Math.min(limit, 500)));
    }

    @Operation(
            operationId = "publishPrefectureKit",
            summary = "Publish a prefecture kit",
            description = "Coordinators only. Other associations may then read a copy of the kit as it is now"
                    + " (no one's name in it) and start from it.")
    @PutMapping("/{department}/publication")
    Publication publish(@PathVariable String department) {
        return new Publication(kits.publish(department));
    }

    @Operation(
            operationId = "unpublishPrefectureKit",
            summary = "Withdraw a published prefecture kit",
            description = "Coordinators only.")
    @DeleteMapping("/{department}/publication")
    ResponseEntity<Void> unpublish(@PathVariable String department) {
        kits.unpublish(department);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "sharedPrefectureKits",
            summary = "Read the kits others published",
            description = "The kits other associations published for the department.")
    @GetMapping("/{department}/shared")
    List<SharedKit> shared(@PathVariable String department) {
        return kits.shared(department);
    }

    @Operation(
            operationId = "copyPrefectureKit",
            summary = "Start from a published kit",
            description = "Coordinators only. Replaces the association's kit for the department by the copy another"
                    + " association published.")
    @PostMapping("/{department}/copy")
    KitList copy(@PathVariable String department, @Valid @RequestBody CopyRequest request) {
        return kits.copy(department, request.from());
    }
}
