package fr.passerelle.cases;

import java.time.Instant;
import java.util.UUID;

record CaseView(UUID id, String reference, String applicantName, Ground ground, String department,
                CaseStatus status, Instant createdAt, Instant updatedAt) {

    static CaseView of(CaseFile file) {
        return new CaseView(file.id(), file.reference(), file.applicantName(), file.ground(), file.department(),
                file.status(), file.createdAt(), file.updatedAt());
    }
}
