package fr.passerelle.status.web;

import fr.passerelle.status.internal.StatusLanguages;
import fr.passerelle.status.internal.StatusLinks;
import fr.passerelle.status.internal.StatusPages;
import fr.passerelle.web.InputRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The applicant's side, with no account (security: a public path): the association and token in the
 * address, the code in the body. 404 for any link that is not active; nothing of the case without the code.
 */
@Tag(name = "Applicant's status page")
@RestController
class StatusPageController {
    private final StatusLinks links;
    private final StatusPages pages;

    StatusPageController(StatusLinks links, StatusPages pages) {
        this.links = links;
        this.pages = pages;
    }

    record Active(boolean active) {}

    record ViewRequest(String code, String language) {}

    record Received(UUID document, String piece) {}

    @Operation(
            operationId = "checkStatusLink",
            summary = "Whether a status link is active",
            description = "No account. Tells nothing of the case: 200 when the link may be opened with its code, "
                    + "404 when it is unknown, revoked or its case closed.")
    @GetMapping("/api/status/{association}/{token}")
    Active check(@PathVariable String association, @PathVariable String token) {
        links.requireActive(association, token);
        return new Active(true);
    }

    @Operation(
            operationId = "viewStatusPage",
            summary = "The applicant's status page",
            description = "No account: the 6-digit code the association gave (403 when wrong; after 5 wrong codes in a "
                    + "row the link locks: 423); language, optional, is the applicant's choice, kept for next time. "
                    + "The view is written in the case's audit log.")
    @PostMapping("/api/status/{association}/{token}/view")
    StatusPages.Page view(
            @PathVariable String association, @PathVariable String token, @RequestBody ViewRequest request) {
        StatusLinks.requireWellFormed(
                request.code(),
                request.language() == null
                        ? Map.of()
                        : StatusLanguages.fault(request.language())
                                .map(fault -> Map.of("language", fault))
                                .orElse(Map.of()));
        return links.withCode(association, token, request.code(), "READ", link -> {
            String language = link.language();
            if (request.language() != null && !request.language().equals(language)) {
                links.chooseLanguage(link, request.language());
                language = request.language();
            }
            return pages.of(link, language);
        });
    }

    @Operation(
            operationId = "sendStatusDocument",
            summary = "Send a document from the status page",
            description = "No account: multipart/form-data with parts code, piece (a piece of the case's checklist) "
                    + "and file (PDF, JPEG or PNG by its content, within the size limit). It lands in the case as "
                    + "received from the applicant, to check; a checked piece stays checked.")
    @PostMapping(path = "/api/status/{association}/{token}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Received upload(
            @PathVariable String association,
            @PathVariable String token,
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "piece", required = false) String piece,
            @RequestPart(name = "file", required = false) MultipartFile file) {
        Map<String, InputRefusal.Fault> faults = new LinkedHashMap<>();
        if (piece == null || piece.isBlank()) {
            faults.put("piece", InputRefusal.Fault.of("required", "is required"));
        }
        if (file == null) {
            faults.put("file", InputRefusal.Fault.of("required", "is required"));
        }
        StatusLinks.requireWellFormed(code, faults);
        return links.withCode(association, token, code, null, link -> {
            try (InputStream content = file.getInputStream()) {
                return new Received(
                        links.upload(link, piece, file.getOriginalFilename(), file.getContentType(), content), piece);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
