package fr.passerelle.cases;

import static fr.passerelle.security.Role.CASEWORKER;
import static fr.passerelle.security.Role.COORDINATOR;

import fr.passerelle.audit.Audit;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case files of the request's association. Role checks live here, not only in the controller,
 * so every caller goes through them; tenant isolation is row-level security underneath.
 */
@Service
public class CaseFiles {
    private final CaseRepository cases;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Audit audit;

    CaseFiles(CaseRepository cases, Clock clock, ApplicationEventPublisher events, Audit audit) {
        this.cases = cases;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    CaseView open(CaseRequest request) {
        return CaseView.of(openFile(request.applicantName(), request.ground(), request.department()));
    }

    /** Opens a case for the current association; returns its id. */
    @Transactional
    public UUID open(String applicantName, Ground ground, String department) {
        return openFile(applicantName, ground, department).id();
    }

    private CaseFile openFile(String applicantName, Ground ground, String department) {
        CurrentAssociation association = Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        CaseFile file = new CaseFile(id, association.slug(), newReference(id, now), now);
        file.describe(applicantName.strip(), ground, department, now);
        CaseFile saved = cases.save(file);
        audit.changed(id, "CASE_OPENED", ground.article() + ", " + department);
        // Online filing (ANEF) is not yet recorded per case: the appointment process asks.
        events.publishEvent(new CaseOpened(id, department, false));
        return saved;
    }

    @Transactional(readOnly = true)
    Page<CaseView> list(Pageable page) {
        Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        audit.read(null, "case list, page " + page.getPageNumber());
        return cases.findAll(page).map(CaseView::of);
    }

    @Transactional(readOnly = true)
    CaseView get(UUID id) {
        Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        CaseView view = CaseView.of(find(id));
        audit.read(id, "case file");
        return view;
    }

    @Transactional
    CaseView update(UUID id, CaseRequest request) {
        Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        CaseFile file = find(id);
        file.describe(request.applicantName().strip(), request.ground(), request.department(), clock.instant());
        CaseView view = CaseView.of(cases.saveAndFlush(file));
        audit.changed(id, "CASE_UPDATED", "applicant, ground, department");
        return view;
    }

    /** Only a coordinator deletes a case: it removes the applicant's whole file. */
    @Transactional
    void delete(UUID id) {
        Tenancy.current().requireAnyOf(COORDINATOR);
        cases.delete(find(id));
        audit.changed(id, "CASE_DELETED", null);
        events.publishEvent(new CaseDeleted(id));
    }

    private CaseFile find(UUID id) {
        return cases.findById(id).orElseThrow(() -> new CaseNotFoundException(id));
    }

    private static String newReference(UUID id, Instant now) {
        String suffix = Long.toString(id.getMostSignificantBits() >>> 28, 36).toUpperCase();
        return Year.from(now.atZone(ZoneId.of("Europe/Paris"))) + "-" + suffix;
    }
}
