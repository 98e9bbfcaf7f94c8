package fr.passerelle.cases;

import fr.passerelle.audit.Audit;
import fr.passerelle.tenancy.AssociationTime;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.web.Problem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The association's applicants: the people its cases are for. Their data is case-file data:
 * same roles (staff read and change, coordinators delete), every read and change audited.
 * An applicant's audit entries carry no case id; the detail names the applicant.
 */
@Service
class Applicants {
    private final ApplicantRepository applicants;
    private final CaseRepository cases;
    private final CaseAccess access;
    private final Clock clock;
    private final Audit audit;
    private final ApplicationEventPublisher events;

    Applicants(
            ApplicantRepository applicants,
            CaseRepository cases,
            CaseAccess access,
            Clock clock,
            Audit audit,
            ApplicationEventPublisher events) {
        this.applicants = applicants;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    ApplicantView add(ApplicantRequest request) {
        access.requireStaff();
        request.checkConsistency();
        return view(create(request));
    }

    /** Creates an applicant within the caller's transaction (opening a case for a new applicant). */
    @Transactional
    Applicant create(ApplicantRequest request) {
        CurrentAssociation association = access.requireStaff();
        Applicant applicant = new Applicant(UUID.randomUUID(), association.slug(), clock.instant());
        applicant.describe(request, clock.instant());
        Applicant saved = applicants.saveAndFlush(applicant);
        audit.changed(null, "APPLICANT_ADDED", "applicant " + saved.id());
        return saved;
    }

    Applicant require(UUID id) {
        return applicants.require(id);
    }

    @Transactional // not read-only: it writes the audit log's read entry
    Page<ApplicantView> list(String name, Pageable page) {
        access.requireStaff();
        audit.read(null, "applicant list, page " + page.getPageNumber());
        Page<Applicant> found =
                name == null || name.isBlank() ? applicants.findAll(page) : applicants.findByName(name.strip(), page);
        return found.map(applicant -> ApplicantView.of(applicant, null, today()));
    }

    @Transactional // not read-only: it writes the audit log's read entry
    ApplicantView get(UUID id) {
        access.requireStaff();
        ApplicantView view = view(applicants.require(id));
        audit.read(null, "applicant " + id);
        return view;
    }

    /**
     * Replaces the record. A changed address (a move) moves the applicant's open cases to the new postal
     * code's department and tells their procedure ({@link ApplicantMoved}); a birth date entered or
     * corrected makes it read the age limit again ({@link BirthDateChanged}).
     */
    @Transactional
    ApplicantView update(UUID id, ApplicantRequest request) {
        access.requireStaff();
        Applicant applicant = applicants.require(id);
        request.checkConsistency();
        boolean moved = applicant.movesWith(request);
        boolean birthDateChanged = !Objects.equals(applicant.birthDate(), request.birthDate());
        applicant.describe(request, clock.instant());
        Applicant saved = applicants.saveAndFlush(applicant);
        String newDepartment = PostalCodes.department(saved.postalCode());
        LocalDate movedOn = request.movedOn() != null ? request.movedOn() : today();
        for (CaseFile file : cases.findByApplicantIdOrderByCreatedAtDesc(id)) {
            audit.changed(file.id(), "APPLICANT_UPDATED", "applicant " + id);
            if (file.closedOn() != null) {
                continue;
            }
            if (moved) {
                String before = file.department();
                if (newDepartment != null) {
                    file.moveTo(newDepartment, clock.instant());
                    cases.saveAndFlush(file);
                }
                audit.changed(file.id(), "APPLICANT_MOVED", before + " -> " + file.department() + ", " + movedOn);
                events.publishEvent(new ApplicantMoved(file.id(), before, file.department(), movedOn));
            }
            if (birthDateChanged) {
                events.publishEvent(new BirthDateChanged(file.id()));
            }
        }
        audit.changed(null, "APPLICANT_UPDATED", "applicant " + id);
        return view(saved);
    }

    /** Only a coordinator removes an applicant, and only once none of their cases remains. */
    @Transactional
    void delete(UUID id) {
        access.requireCoordinator();
        Applicant applicant = applicants.require(id);
        if (cases.existsByApplicantId(id)) {
            throw Problem.conflict("applicant_has_cases");
        }
        applicants.delete(applicant);
        applicants.flush();
        audit.changed(null, "APPLICANT_DELETED", "applicant " + id);
    }

    private ApplicantView view(Applicant applicant) {
        List<ApplicantView.CaseSummary> summaries = cases.findByApplicantIdOrderByCreatedAtDesc(applicant.id()).stream()
                .map(c -> new ApplicantView.CaseSummary(c.id(), c.reference(), c.ground(), c.status()))
                .toList();
        return ApplicantView.of(applicant, summaries, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(AssociationTime.ZONE));
    }
}
