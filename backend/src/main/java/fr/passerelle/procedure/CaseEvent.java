package fr.passerelle.procedure;

import static fr.passerelle.security.Role.CASEWORKER;
import static fr.passerelle.security.Role.COORDINATOR;
import static fr.passerelle.security.Role.LAWYER;

import fr.passerelle.security.Role;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What happens outside and moves a case on: each is a BPMN message correlated by the case id,
 * with its data checked against a form in the processes jar ({@code messages/<path>.form}).
 */
enum CaseEvent {
    /**
     * Lands in the {@code decision} instance waiting for it; else, while the court holds the appeal
     * against the refusal, in that appeal ({@code RefusalNotifiedDuringProceedings} or
     * {@code DecisionDuringAppeal}); else a grant or a refusal in the main process as
     * {@code LaterDecisionNotified}; an OQTF (alone, or with a refusal no decision instance waits for)
     * starts its own follow-up, {@code OqtfNotified}, at any step of the case.
     */
    DECISION_NOTIFIED("decision-notified", "DecisionNotified", Set.of(CASEWORKER, COORDINATOR), null),
    CONVOCATION_RECEIVED("convocation-received", "ConvocationReceived", Set.of(CASEWORKER, COORDINATOR), null),
    /** Gracious and hierarchical appeals may run together: each instance says which it is. */
    ADMINISTRATIVE_APPEAL_ANSWERED(
            "administrative-appeal-answered",
            "AdministrativeAppealAnswered",
            Set.of(CASEWORKER, COORDINATOR),
            "administrativeAppealKind"),
    JUDGMENT_NOTIFIED("judgment-notified", "JudgmentNotified", Set.of(COORDINATOR, LAWYER), null),
    /** Pieces asked during the examination (also after an implicit refusal): the main process, after filing. */
    DOCUMENTS_REQUESTED("documents-requested", "DocumentsRequested", Set.of(CASEWORKER, COORDINATOR), null),
    /**
     * Arrest, house arrest or retention: delivered to every instance of the case that waits for it
     * (the main process always does; a running contentious appeal switches its deadline).
     */
    LIBERTY_RESTRICTED("liberty-restricted", "LibertyRestricted", Set.of(CASEWORKER, COORDINATOR), null),
    /**
     * Legal aid asked at the bureau (décret n° 2020-1717 art. 43), before a lawyer accepts too: to the
     * contentious appeal that waits for it; before the appeal starts, kept on the case for it.
     */
    LEGAL_AID_REQUESTED("legal-aid-requested", "LegalAidRequested", Set.of(CASEWORKER, COORDINATOR), null);

    /** The main process's message for a decision that no {@code decision} instance waits for. */
    static final String LATER_DECISION = "LaterDecisionNotified";
    /** A plain refusal while a court holds an appeal of the case (appeal-contentious, courtProceedings). */
    static final String REFUSAL_DURING_PROCEEDINGS = "RefusalNotifiedDuringProceedings";
    /**
     * A refusal while the appeal against the refusal runs at a step that does not wait for it (before the
     * request is filed, after the hearing): a task of the main process, the appeal going on.
     */
    static final String DECISION_DURING_APPEAL = "DecisionDuringAppeal";
    /** An OQTF no decision instance waits for, at any step: its own follow-up in the main process. */
    static final String OQTF_NOTIFIED = "OqtfNotified";
    /** What the decision process waits for: a convocation received meanwhile is the referral it reveals. */
    static final String DECISION = "DecisionNotified";

    private final String path;
    private final String message;
    private final Set<Role> recordedBy;
    private final String correlatedOn;

    CaseEvent(String path, String message, Set<Role> recordedBy, String correlatedOn) {
        this.path = path;
        this.message = message;
        this.recordedBy = recordedBy;
        this.correlatedOn = correlatedOn;
    }

    /** The variable that tells apart several instances of the case waiting for the same message, if any. */
    Optional<String> correlatedOn() {
        return Optional.ofNullable(correlatedOn);
    }

    String path() {
        return path;
    }

    String message() {
        return message;
    }

    Role[] recordedBy() {
        return recordedBy.toArray(Role[]::new);
    }

    String form() {
        return "messages/" + path + ".form";
    }

    static Optional<CaseEvent> ofPath(String path) {
        return Arrays.stream(values()).filter(event -> event.path.equals(path)).findFirst();
    }

    /** The events' paths, for a problem naming the known ones. */
    static String known() {
        return Arrays.stream(values()).map(CaseEvent::path).collect(java.util.stream.Collectors.joining(", "));
    }
}
