package fr.passerelle.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.audit.Audit;
import fr.passerelle.tenancy.AssociationTime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * One applicant's copy of their data (GDPR art. 15, right of access, and art. 20, portability:
 * https://www.cnil.fr/fr/reglement-europeen-protection-donnees/chapitre3): a zip holding {@code donnees.json}
 * (machine-readable: the applicant, and for each case its facts, checklist, notes, documents, timeline, and the
 * other modules' sections: tasks and their form data, appeals, consents, letters), {@code resume.html} (the same,
 * readable, in French), and the documents and letters themselves. Coordinators only; audited.
 */
@Service
public class ApplicantCopy {
    private final ApplicantRepository applicants;
    private final CaseRepository cases;
    private final CaseAccess access;
    private final CaseNotes notes;
    private final CaseDocuments documents;
    private final CaseTimeline timeline;
    private final Checklists checklists;
    private final List<PersonalDataSource> sources;
    private final Audit audit;
    private final Clock clock;
    private final ObjectMapper json;

    ApplicantCopy(
            ApplicantRepository applicants,
            CaseRepository cases,
            CaseAccess access,
            CaseNotes notes,
            CaseDocuments documents,
            CaseTimeline timeline,
            Checklists checklists,
            List<PersonalDataSource> sources,
            Audit audit,
            Clock clock,
            ObjectMapper json) {
        this.applicants = applicants;
        this.cases = cases;
        this.access = access;
        this.notes = notes;
        this.documents = documents;
        this.timeline = timeline;
        this.checklists = checklists;
        this.sources = sources;
        this.audit = audit;
        this.clock = clock;
        this.json = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Checks the caller and the applicant (403, 404) before anything is written; returns the zip's file name. */
    @Transactional(readOnly = true)
    public String fileName(UUID applicantId) {
        access.requireCoordinator();
        applicants.require(applicantId);
        return "donnees-personnelles-" + applicantId + ".zip";
    }

    @Transactional // not read-only: it writes the audit log's read entries
    public void write(UUID applicantId, OutputStream out) {
        access.requireCoordinator();
        Applicant applicant = applicants.require(applicantId);
        LocalDate today = LocalDate.now(clock.withZone(AssociationTime.ZONE));
        List<CaseFile> files = cases.findByApplicantIdOrderByCreatedAtDesc(applicantId);
        ObjectNode root = json.createObjectNode();
        root.put("generatedAt", clock.instant().toString());
        root.set("applicant", json.valueToTree(ApplicantView.of(applicant, null, today)));
        ArrayNode caseNodes = root.putArray("cases");
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            for (CaseFile file : files) {
                UUID caseId = file.id();
                String folder = "dossier-" + file.reference() + "/";
                ObjectNode node = caseNodes.addObject();
                node.set("case", json.valueToTree(CaseView.of(file, today)));
                node.set("checklist", json.valueToTree(checklists.view(caseId)));
                node.set("notes", json.valueToTree(notes.of(caseId)));
                var docs = documents.list(caseId);
                ArrayNode docNodes = node.putArray("documents");
                for (var document : docs) {
                    String name = folder + "documents/" + document.id() + "-" + safe(document.filename());
                    docNodes.addObject().put("file", name).setAll((ObjectNode) json.valueToTree(document));
                    zip.putNextEntry(new ZipEntry(name));
                    documents.download(caseId, document.id(), d -> new Unclosed(zip));
                    zip.closeEntry();
                }
                node.set("timeline", json.valueToTree(timeline.of(caseId)));
                ObjectNode sections = node.putObject("sections");
                for (PersonalDataSource source : sources) {
                    PersonalDataSource.Section section = source.about(caseId);
                    ObjectNode sectionNode = sections.putObject(section.key());
                    sectionNode.put("title", section.title());
                    ArrayNode items = sectionNode.putArray("items");
                    section.data().forEach(item -> items.add(json.valueToTree(item)));
                    for (PersonalDataSource.Attachment attachment : section.files()) {
                        zip.putNextEntry(new ZipEntry(folder + section.key() + "/" + safe(attachment.name())));
                        zip.write(attachment.content());
                        zip.closeEntry();
                    }
                }
                audit.read(caseId, "personal data copy");
            }
            zip.putNextEntry(new ZipEntry("donnees.json"));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("resume.html"));
            zip.write(summary(root).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.read(null, "personal data copy of applicant " + applicantId);
    }

    /** The readable summary: every value of the JSON, headed in French. */
    private static String summary(JsonNode root) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="fr"><head><meta charset="utf-8">
                <title>Données personnelles</title>
                <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}
                dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}
                section{border-top:1px solid #ccc;margin-top:1rem}</style></head><body>
                <h1>Données personnelles détenues par l'association</h1>
                <p>Copie remise au titre des articles 15 et 20 du règlement général sur la protection des données.
                Le fichier <code>donnees.json</code> contient les mêmes données dans un format lisible par machine ;
                les documents et courriers sont dans les dossiers de chaque dossier.</p>
                """);
        html.append("<p>Établie le ")
                .append(escape(root.path("generatedAt").asText()))
                .append("</p>");
        html.append("<h2>La personne</h2>");
        value(html, root.get("applicant"));
        for (JsonNode c : root.get("cases")) {
            html.append("<section><h2>Dossier ")
                    .append(escape(c.path("case").path("reference").asText()))
                    .append("</h2>");
            part(html, "Le dossier", c.get("case"));
            part(html, "Pièces", c.get("checklist"));
            part(html, "Notes", c.get("notes"));
            part(html, "Documents", c.get("documents"));
            part(html, "Historique", c.get("timeline"));
            c.path("sections")
                    .forEach(section -> part(html, section.path("title").asText(), section.get("items")));
            html.append("</section>");
        }
        return html.append("</body></html>\n").toString();
    }

    private static void part(StringBuilder html, String title, JsonNode node) {
        html.append("<h3>").append(escape(title)).append("</h3>");
        if (node == null || node.isEmpty()) {
            html.append("<p>Aucune donnée.</p>");
        } else {
            value(html, node);
        }
    }

    private static void value(StringBuilder html, JsonNode node) {
        if (node == null || node.isNull()) {
            html.append("—");
        } else if (node.isObject()) {
            html.append("<dl>");
            node.fields().forEachRemaining(field -> {
                html.append("<dt>").append(escape(field.getKey())).append("</dt><dd>");
                value(html, field.getValue());
                html.append("</dd>");
            });
            html.append("</dl>");
        } else if (node.isArray()) {
            html.append("<ol>");
            node.forEach(item -> {
                html.append("<li>");
                value(html, item);
                html.append("</li>");
            });
            html.append("</ol>");
        } else {
            html.append(escape(node.asText()));
        }
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String safe(String name) {
        return name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    }

    /** The zip's stream for one entry: the document copier may close what it is given, the zip goes on. */
    private static final class Unclosed extends java.io.FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
