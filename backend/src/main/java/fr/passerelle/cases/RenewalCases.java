package fr.passerelle.cases;

import fr.passerelle.audit.Audit;
import fr.passerelle.tenancy.AssociationScope;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A renewal opens a renewal case (issue 18 item 14): when the renewal of the card granted in a case is
 * filed (R431-5 CESEDA: online from the 120th to the 60th day before the card ends, at a prefecture in
 * its last two months), a new case is opened for the same applicant, association, ground, department and
 * prefecture, linked to the previous one ({@code renewalOf}); its checklist is the renewal list
 * ({@link ChecklistCatalog#renewal()}: L433-4 CESEDA; décret n° 2025-647), and its own procedure starts
 * with it at the renewal's filing ({@link CaseOpened} with the renewal: récépissé or attestation followed,
 * decision awaited). The previous case closes as its process ends, its outcome, notes and documents kept,
 * its closing reason {@code RENEWED}.
 * Idempotent: a case has one renewal case at most (unique index, V83), an event replayed opens nothing.
 */
@Component
class RenewalCases {
    private final CaseRepository cases;
    private final AssociationScope scope;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Audit audit;
    private final CaseProgress progress;

    RenewalCases(
            CaseRepository cases,
            AssociationScope scope,
            Clock clock,
            ApplicationEventPublisher events,
            Audit audit,
            CaseProgress progress) {
        this.cases = cases;
        this.scope = scope;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
        this.progress = progress;
    }

    /** In the engine's transaction: no renewal filed without its case. */
    @EventListener
    void open(RenewalFiled filed) {
        scope.run(filed.tenantId(), () -> {
            if (cases.findByRenewalOf(filed.caseId()).isPresent()) {
                return; // replayed: the renewal case exists
            }
            CaseFile previous = cases.require(filed.caseId());
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            String reference = CaseFiles.newReference(id, now);
            CaseFile saved = cases.saveAndFlush(CaseFile.renewalOf(previous, id, reference, now));
            audit.changed(
                    id,
                    "CASE_OPENED",
                    "renewal of " + previous.reference()
                            + (filed.filedOn() == null ? "" : ", filed " + filed.filedOn()));
            progress.closedFor(previous.id(), CaseProgress.RENEWED);
            events.publishEvent(new CaseOpened(id, saved.department(), saved.onlineFiling(), filed));
        });
    }
}
