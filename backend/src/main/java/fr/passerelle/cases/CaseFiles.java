package fr.passerelle.cases;

import fr.passerelle.audit.Audit;
import fr.passerelle.tenancy.AssociationTime;
import fr.passerelle.tenancy.CurrentAssociation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case files of the request's association. Role checks live here ({@link CaseAccess}), not
 * only in the controller, so every caller goes through them; tenant isolation is row-level
 * security underneath.
 */
@Service
public class CaseFiles {
    private final CaseRepository cases;
    private final Applicants applicants;
    private final CaseAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Audit audit;

    private final fr.passerelle.platform.AssociationDirectory directory;

    CaseFiles(
            CaseRepository cases,
            Applicants applicants,
            CaseAccess access,
            Clock clock,
            ApplicationEventPublisher events,
            Audit audit,
            fr.passerelle.platform.AssociationDirectory directory) {
        this.directory = directory;
        this.cases = cases;
        this.applicants = applicants;
        this.access = access;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    CaseView open(CaseRequest request) {
        return CaseView.of(openFile(request), today());
    }

    /** Opens a case for the current association, for a new applicant known by name only; returns its id. */
    @Transactional
    public UUID open(String applicantName, Ground ground, String department) {
        return openFile(CaseRequest.quick(applicantName, ground, department)).id();
    }

    private CaseFile openFile(CaseRequest request) {
        CurrentAssociation association = access.requireStaff();
        request.checkOpening();
        Applicant applicant = request.applicantId() != null
                ? applicants.require(request.applicantId())
                : applicants.create(
                        request.applicant() != null
                                ? request.applicant()
                                : ApplicantRequest.named(request.applicantName()));
        request.checkDates(applicant.entryDate());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        CaseFile file = new CaseFile(id, association.slug(), newReference(id, now), applicant, now);
        file.describe(request, null, now);
        CaseFile saved = cases.saveAndFlush(file);
        audit.changed(id, "CASE_OPENED", request.ground().article() + ", " + request.department());
        events.publishEvent(new CaseOpened(id, saved.department(), saved.onlineFiling()));
        return saved;
    }

    /**
     * What the case list is narrowed to; every part may be null. {@code text}: each of its words is
     * in the applicant's name or the case's reference, accents and case aside; {@code assignee}: a
     * user id, or "me" for the caller.
     */
    record ListFilter(String text, Ground ground, CaseStatus status, String assignee, UUID applicantId) {}

    /** The association's cases, narrowed by the filter. */
    @Transactional // not read-only: it writes the audit log's read entry
    Page<CaseView> list(ListFilter filter, Pageable page) {
        access.requireStaff();
        List<Specification<CaseFile>> filters = new ArrayList<>();
        if (filter.text() != null) {
            for (String word : filter.text().trim().split("\\s+")) {
                if (!word.isEmpty()) filters.add(containsWord(word));
            }
        }
        if (filter.ground() != null) {
            filters.add((root, query, cb) -> cb.equal(root.get("ground"), filter.ground()));
        }
        if (filter.status() != null) {
            filters.add((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        if (filter.assignee() != null) {
            String userId = "me".equals(filter.assignee())
                    ? fr.passerelle.security.Users.current().orElseThrow().id()
                    : filter.assignee();
            filters.add((root, query, cb) -> cb.equal(root.get("assigneeId"), userId));
        }
        if (filter.applicantId() != null) {
            filters.add((root, query, cb) -> cb.equal(root.get("applicant").get("id"), filter.applicantId()));
        }
        if (!fr.passerelle.tenancy.Tenancy.current().has(fr.passerelle.security.Role.COORDINATOR)) {
            LocalDate closedBy = access.archivedIfClosedBy(); // archived cases: the coordinators' only
            filters.add((root, query, cb) -> cb.or(
                    cb.notEqual(root.get("status"), CaseStatus.CLOSED),
                    cb.isNull(root.get("closedOn")),
                    cb.greaterThan(root.get("closedOn"), closedBy)));
        }
        audit.read(null, "case list, page " + page.getPageNumber());
        LocalDate today = today();
        return cases.findAll(Specification.allOf(filters), page).map(file -> CaseView.of(file, today));
    }

    /** The word, folded as the database folds names (V62__case_search.sql), within the name or the reference. */
    private static Specification<CaseFile> containsWord(String word) {
        String pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return (root, query, cb) -> {
            var applicant = root.get("applicant");
            var name = cb.concat(
                    cb.concat(cb.coalesce(applicant.<String>get("firstName"), ""), " "),
                    applicant.<String>get("lastName"));
            var folded = cb.function("app.folded", String.class, cb.literal(pattern));
            return cb.or(
                    cb.like(cb.function("app.folded", String.class, name), folded, '\\'),
                    cb.like(cb.function("app.folded", String.class, root.<String>get("reference")), folded, '\\'));
        };
    }

    @Transactional // not read-only: it writes the audit log's read entry
    CaseView get(UUID id) {
        access.requireRead(id);
        CaseView view = CaseView.of(cases.require(id), today());
        audit.read(id, "case file");
        return view;
    }

    @Transactional
    CaseView update(UUID id, CaseRequest request) {
        access.requireStaff();
        CaseFile file = cases.require(id);
        request.checkCorrection();
        Applicant applicant =
                request.applicantId() == null ? file.applicant() : applicants.require(request.applicantId());
        request.checkDates(applicant.entryDate());
        List<String> changed = file.describe(request, applicant, clock.instant());
        CaseView view = CaseView.of(cases.saveAndFlush(file), today());
        if (!changed.isEmpty()) {
            audit.changed(id, "CASE_UPDATED", String.join(", ", changed));
        }
        return view;
    }

    /**
     * Only a coordinator assigns a case, to a caseworker or coordinator of the association (their
     * Keycloak user id, checked in Keycloak: 400 naming {@code userId} otherwise), or unassigns it
     * (null). The name kept and audited is Keycloak's, not the request's.
     */
    @Transactional
    CaseView assign(UUID id, String userId) {
        String association = access.requireCoordinator().slug();
        CaseFile file = cases.require(id);
        String name = null;
        if (userId != null) {
            var person = directory
                    .member(association, userId)
                    .filter(member -> member.has(fr.passerelle.security.Role.CASEWORKER)
                            || member.has(fr.passerelle.security.Role.COORDINATOR))
                    .orElseThrow(() -> fr.passerelle.web.InputRefusal.invalid(
                            "userId",
                            fr.passerelle.web.InputRefusal.Fault.of(
                                    "not_member",
                                    "{0} is not a member of the association with a role that may do it",
                                    userId)));
            name = person.name();
        }
        file.assign(userId, name, clock.instant());
        CaseView view = CaseView.of(cases.saveAndFlush(file), today());
        audit.changed(id, "CASE_ASSIGNED", userId == null ? "unassigned" : name + " (" + userId + ")");
        return view;
    }

    /** The facts of a case an appeal works from, for one who may read it (staff, or a lawyer it was granted to). */
    @Transactional // not read-only: it writes the audit log's read entry
    public AppealFacts appealFacts(UUID id) {
        access.requireRead(id);
        CaseFile file = cases.require(id);
        Applicant a = file.applicant();
        String address = java.util.stream.Stream.of(
                        a.addressLine(),
                        (java.util.Objects.toString(a.postalCode(), "") + " "
                                        + java.util.Objects.toString(a.city(), ""))
                                .strip())
                .filter(part -> part != null && !part.isBlank())
                .collect(java.util.stream.Collectors.joining(", "));
        audit.read(id, "appeal facts");
        return new AppealFacts(
                id,
                file.reference(),
                a.fullName(),
                a.birthDate(),
                a.nationality(),
                address.isBlank() ? null : address,
                file.ground(),
                file.ground() == null ? null : file.ground().article(),
                file.department(),
                file.prefecture(),
                file.decidedOn(),
                file.notifiedOn(),
                a.languages(),
                a.interpreterNeeded(),
                a.interpreterLanguage());
    }

    /** Refuses a case the caller may not read: 404 when it is not the association's, as when it does not exist. */
    @Transactional(readOnly = true)
    public void requireReadable(UUID id) {
        access.requireRead(id);
        cases.require(id);
    }

    /** Moves a case to a status (the procedure calls this as its steps complete). */
    @Transactional
    public void changeStatus(UUID id, CaseStatus status) {
        access.requireStaff();
        CaseFile file = cases.require(id);
        if (file.status() != status) {
            CaseStatus before = file.status();
            file.changeStatus(status, clock.instant());
            cases.saveAndFlush(file);
            audit.changed(id, "CASE_STATUS", before + " -> " + status);
        }
    }

    /** Only a coordinator deletes a case: it removes its notes, checklist and documents with it. */
    @Transactional
    void delete(UUID id) {
        access.requireCoordinator();
        cases.delete(cases.require(id));
        cases.flush();
        audit.changed(id, "CASE_DELETED", null);
        events.publishEvent(new CaseDeleted(id));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(AssociationTime.ZONE));
    }

    static String newReference(UUID id, Instant now) {
        String suffix = Long.toString(id.getMostSignificantBits() >>> 28, 36).toUpperCase();
        return Year.from(now.atZone(AssociationTime.ZONE)) + "-" + suffix;
    }
}
