package fr.passerelle.appeals;

import fr.passerelle.cases.AppealFacts;
import fr.passerelle.cases.CaseFiles;
import fr.passerelle.procedure.CaseProcesses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.stereotype.Service;

/**
 * Drafts of the letters of an appeal, as .docx (Apache POI XWPF), in French, pre-filled from the
 * case: the applicant, the decision and its date, the ground, the prefecture; the points to argue
 * are left for the author. Drafts only: the author reads, completes and signs them.
 * <ul>
 *   <li>{@code gracious}: recours gracieux to the prefect who decided (CRPA L411-2; within the
 *       two months of the contentious appeal, which it keeps: CRPA L411-2, R421-2 CJA);</li>
 *   <li>{@code hierarchical}: recours hiérarchique to the Minister of the Interior (CRPA L411-2);</li>
 *   <li>{@code oqtf-request}: the short request (requête sommaire) a person may file without a
 *       lawyer against an OQTF before the administrative court (L911-1 and L921-1 CESEDA; R776-1 and
 *       following CJA; no lawyer is required, R431-2 CJA a contrario), with a request for legal aid
 *       and a lawyer appointed.</li>
 * </ul>
 */
@Service
class AppealLetters {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final String TO_COMPLETE = "[à compléter]";
    private final CaseFiles cases;
    private final CaseProcesses processes;

    AppealLetters(CaseFiles cases, CaseProcesses processes) {
        this.cases = cases;
        this.processes = processes;
    }

    enum Kind {
        GRACIOUS("gracious", "recours-gracieux"),
        HIERARCHICAL("hierarchical", "recours-hierarchique"),
        OQTF_REQUEST("oqtf-request", "requete-oqtf");

        final String code;
        final String file;

        Kind(String code, String file) {
            this.code = code;
            this.file = file;
        }

        static Optional<Kind> of(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    record Letter(String filename, byte[] content) {}

    /** The draft for one who may read the case (staff, or the lawyer who accepted its appeal). */
    Letter draft(UUID caseId, String kindCode) {
        cases.requireReadable(caseId);
        Kind kind = Kind.of(kindCode)
                .orElseThrow(() -> AppealProblems.invalid(
                        "kind", "not_choice", "must be one of: {0}", "gracious, hierarchical, oqtf-request"));
        AppealFacts facts = cases.appealFacts(caseId);
        Map<String, Object> decision = decisionVariables(caseId);
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            write(document, kind, facts, decision);
            document.write(out);
            return new Letter(kind.file + "-" + facts.reference() + ".docx", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(XWPFDocument doc, Kind kind, AppealFacts f, Map<String, Object> decision) {
        String applicant = f.applicantName();
        String decisionDate = date(f.decidedOn())
                .orElse(text(decision.get("decisionNotifiedDate"))
                        .map(this::isoDate)
                        .orElse(TO_COMPLETE));
        String notified = date(f.notifiedOn())
                .orElse(text(decision.get("decisionNotifiedDate"))
                        .map(this::isoDate)
                        .orElse(TO_COMPLETE));
        String prefecture = Optional.ofNullable(f.prefecture()).orElse("Préfecture " + TO_COMPLETE);
        String ground = Optional.ofNullable(f.groundCode())
                .map(code -> "article " + code + " du CESEDA")
                .orElse(TO_COMPLETE);
        String decisionKind = switch (text(decision.get("decisionOutcome")).orElse("")) {
            case "IMPLICIT_REFUSAL" -> "la décision implicite de rejet";
            case "REFUSED_WITH_OQTF" ->
                "l’arrêté portant refus de titre de séjour et obligation de quitter le territoire français";
            case "OQTF" -> "l’arrêté portant obligation de quitter le territoire français";
            default -> "la décision portant refus de titre de séjour";
        };

        paragraph(doc, applicant, false);
        paragraph(
                doc,
                "Né(e) le " + date(f.birthDate()).orElse(TO_COMPLETE)
                        + (f.nationality() == null ? "" : ", de nationalité " + f.nationality()),
                false);
        paragraph(doc, Optional.ofNullable(f.address()).orElse("Adresse " + TO_COMPLETE), false);
        blank(doc);
        String addressee = switch (kind) {
            case GRACIOUS -> "Monsieur le Préfet / Madame la Préfète\n" + prefecture;
            case HIERARCHICAL ->
                "Monsieur le Ministre de l’Intérieur\nDirection générale des étrangers en France\n"
                        + "Place Beauvau, 75800 Paris Cedex 08";
            case OQTF_REQUEST -> "Madame, Monsieur le Président\nTribunal administratif de " + TO_COMPLETE;
        };
        for (String line : addressee.split("\n")) {
            paragraph(doc, line, false).setAlignment(ParagraphAlignment.RIGHT);
        }
        blank(doc);
        paragraph(doc, "À " + TO_COMPLETE + ", le " + TO_COMPLETE, false).setAlignment(ParagraphAlignment.RIGHT);
        blank(doc);
        String title = switch (kind) {
            case GRACIOUS -> "Objet : recours gracieux contre " + decisionKind;
            case HIERARCHICAL -> "Objet : recours hiérarchique contre " + decisionKind;
            case OQTF_REQUEST -> "REQUÊTE SOMMAIRE EN ANNULATION";
        };
        paragraph(doc, title, true);
        paragraph(
                doc,
                "Décision du " + decisionDate + ", notifiée le " + notified + ", " + prefecture
                        + " — référence de la décision : " + TO_COMPLETE + " (dossier " + f.reference() + ")",
                false);
        paragraph(doc, "Lettre recommandée avec accusé de réception", false);
        blank(doc);
        switch (kind) {
            case GRACIOUS, HIERARCHICAL -> {
                paragraph(
                        doc,
                        kind == Kind.GRACIOUS ? "Monsieur le Préfet, Madame la Préfète," : "Monsieur le Ministre,",
                        false);
                paragraph(
                        doc,
                        "J’ai l’honneur de former un recours " + (kind == Kind.GRACIOUS ? "gracieux" : "hiérarchique")
                                + ", sur le fondement de l’article L411-2 du code des relations entre le public et "
                                + "l’administration, contre " + decisionKind + " prise le " + decisionDate + " par "
                                + prefecture
                                + ", qui m’a été notifiée le " + notified + ", en réponse à ma demande fondée sur l’"
                                + ground
                                + ".",
                        false);
                paragraph(
                        doc,
                        "Je vous demande de bien vouloir retirer cette décision et me délivrer le titre de séjour "
                                + "sollicité, pour les raisons suivantes :",
                        false);
            }
            case OQTF_REQUEST -> {
                paragraph(
                        doc,
                        "Requérant(e) : " + applicant + ", "
                                + Optional.ofNullable(f.address()).orElse(TO_COMPLETE),
                        false);
                paragraph(
                        doc,
                        "Contre : " + decisionKind + " pris le " + decisionDate + " par " + prefecture + ", notifié le "
                                + notified + " (décision jointe).",
                        false);
                paragraph(
                        doc,
                        "Je demande au tribunal d’annuler cette décision, d’enjoindre au préfet de réexaminer ma "
                                + "situation et de me munir d’une autorisation provisoire de séjour dans l’attente, pour les "
                                + "raisons suivantes :",
                        false);
            }
        }
        for (String point : List.of(
                "1. " + TO_COMPLETE + " (les faits, la présence en France, les attaches)",
                "2. " + TO_COMPLETE
                        + " (les moyens : erreur de droit, erreur manifeste d’appréciation, atteinte à la vie "
                        + "privée et familiale, article 8 de la Convention européenne des droits de l’homme)",
                "3. " + TO_COMPLETE)) {
            paragraph(doc, point, false);
        }
        blank(doc);
        if (kind == Kind.OQTF_REQUEST) {
            paragraph(
                    doc,
                    "Je demande le bénéfice de l’aide juridictionnelle provisoire et la désignation d’un avocat "
                            + "commis d’office."
                            + (f.interpreterNeeded()
                                    ? " Je demande l’assistance d’un interprète en "
                                            + Optional.ofNullable(f.interpreterLanguage())
                                                    .orElse(TO_COMPLETE) + "."
                                    : ""),
                    false);
            paragraph(doc, "Pièces jointes : la décision attaquée ; " + TO_COMPLETE, false);
        } else {
            paragraph(
                    doc,
                    "Ce recours est formé dans le délai de recours contentieux de deux mois, qu’il conserve "
                            + "(article L411-2 du code des relations entre le public et l’administration).",
                    false);
            paragraph(doc, "Je vous prie d’agréer l’expression de ma considération distinguée.", false);
            paragraph(doc, "Pièces jointes : copie de la décision ; " + TO_COMPLETE, false);
        }
        blank(doc);
        paragraph(doc, applicant, false).setAlignment(ParagraphAlignment.RIGHT);
        paragraph(doc, "Signature", false).setAlignment(ParagraphAlignment.RIGHT);
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text, boolean bold) {
        XWPFParagraph paragraph = doc.createParagraph();
        XWPFRun run = paragraph.createRun();
        run.setFontFamily("Liberation Serif");
        run.setFontSize(12);
        run.setBold(bold);
        run.setText(text);
        return paragraph;
    }

    private static void blank(XWPFDocument doc) {
        doc.createParagraph();
    }

    private Map<String, Object> decisionVariables(UUID caseId) {
        List<String> appeals = processes.instances(caseId, AppealGrants.CONTENTIOUS_APPEAL, false);
        if (appeals.isEmpty()) {
            appeals = processes.instances(caseId);
        }
        for (String instance : appeals) {
            Map<String, Object> variables =
                    processes.variables(instance, List.of("decisionOutcome", "decisionNotifiedDate"));
            if (!variables.isEmpty()) {
                return variables;
            }
        }
        return Map.of();
    }

    private static Optional<String> date(LocalDate date) {
        return Optional.ofNullable(date).map(FRENCH_DATE::format);
    }

    private String isoDate(String text) {
        try {
            return FRENCH_DATE.format(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static Optional<String> text(Object value) {
        return Optional.ofNullable(value).map(Object::toString).filter(s -> !s.isBlank());
    }
}
