package fr.passerelle.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The files of a case's pieces: upload (multipart, part "file"), list, download, delete. */
@Tag(name = "Checklist and documents")
@RestController
@RequestMapping("/api/cases/{caseId}")
class DocumentController {
    private final CaseDocuments documents;

    DocumentController(CaseDocuments documents) {
        this.documents = documents;
    }

    @Operation(
            operationId = "uploadDocument",
            summary = "Upload a document for a checklist piece",
            description =
                    "multipart/form-data with a part named file: PDF, JPEG or PNG by their content, within the size limit (413 above).")
    @PostMapping(path = "/checklist/{piece}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CaseDocuments.DocumentView upload(
            @PathVariable UUID caseId, @PathVariable String piece, @RequestPart("file") MultipartFile file) {
        try (InputStream content = file.getInputStream()) {
            return documents.upload(caseId, piece, file.getOriginalFilename(), file.getContentType(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(
            operationId = "listDocuments",
            summary = "List a case's documents",
            description = "Those the caller may read (a lawyer does not see the filing formalities).")
    @GetMapping("/documents")
    List<CaseDocuments.DocumentView> list(@PathVariable UUID caseId) {
        return documents.list(caseId);
    }

    @Operation(
            operationId = "downloadDocument",
            summary = "Download a document",
            description = "The file as uploaded; the read is written in the audit log.")
    @GetMapping("/documents/{documentId}")
    void download(@PathVariable UUID caseId, @PathVariable UUID documentId, HttpServletResponse response) {
        documents.download(caseId, documentId, document -> {
            response.setContentType(document.contentType());
            response.setContentLengthLong(document.size());
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(document.filename(), StandardCharsets.UTF_8)
                            .build()
                            .toString());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Operation(
            operationId = "deleteDocument",
            summary = "Delete a document",
            description = "Caseworkers and coordinators.")
    @DeleteMapping("/documents/{documentId}")
    ResponseEntity<Void> delete(@PathVariable UUID caseId, @PathVariable UUID documentId) {
        documents.delete(caseId, documentId);
        return ResponseEntity.noContent().build();
    }
}
