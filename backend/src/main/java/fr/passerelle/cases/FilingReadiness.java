package fr.passerelle.cases;

import fr.passerelle.audit.Audit;
import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.CurrentAssociation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a case's file may be filed: every piece due at filing present and usable (not
 * expired, its kind and date of issue recorded where they matter, translated where it must
 * be), unless a coordinator recorded an override with a reason. The procedure calls
 * {@link #requireReady} when the filing task is completed.
 */
@Service
public class FilingReadiness {
    private final Checklists checklists;
    private final CaseRepository cases;
    private final CaseAccess access;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Audit audit;

    FilingReadiness(
            Checklists checklists,
            CaseRepository cases,
            CaseAccess access,
            JdbcTemplate jdbc,
            Clock clock,
            Audit audit) {
        this.checklists = checklists;
        this.cases = cases;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Throws {@link FilingNotReadyException} (422, naming the missing or expired pieces) unless
     * the file is complete today or a coordinator overrode the check for this case; 404 for a
     * case that is not the association's.
     */
    @Transactional(readOnly = true)
    public void requireReady(UUID caseId) {
        requireReady(caseId, checklists.today());
    }

    /** As {@link #requireReady(UUID)}, on a given day (the expiry of pieces depends on it). */
    @Transactional(readOnly = true)
    void requireReady(UUID caseId, LocalDate asOf) {
        access.requireStaff();
        CaseFile file = cases.require(caseId);
        if (checklists.override(caseId).isPresent()) {
            return;
        }
        List<ChecklistLine> blocking = checklists.lines(file, asOf).stream()
                .filter(ChecklistLine::blocksFiling)
                .toList();
        if (!blocking.isEmpty()) {
            throw new FilingNotReadyException(blocking);
        }
    }

    /** Only a coordinator lets an incomplete file be filed, saying why; replaces an earlier override. */
    @Transactional
    Checklists.Override override(UUID caseId, String reason) {
        CurrentAssociation association = access.requireCoordinator();
        cases.require(caseId);
        CurrentUser coordinator = Users.current().orElseThrow();
        jdbc.update(
                """
                INSERT INTO app.filing_overrides (case_id, tenant_id, reason, by_id, by_name, at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (case_id) DO UPDATE SET reason = excluded.reason, by_id = excluded.by_id,
                    by_name = excluded.by_name, at = excluded.at""",
                caseId,
                association.slug(),
                reason.strip(),
                coordinator.id(),
                coordinator.username(),
                Timestamp.from(clock.instant()));
        audit.changed(caseId, "FILING_OVERRIDE", reason.strip());
        return checklists.override(caseId).orElseThrow();
    }

    @Transactional
    void withdrawOverride(UUID caseId) {
        access.requireCoordinator();
        cases.require(caseId);
        if (jdbc.update("DELETE FROM app.filing_overrides WHERE case_id = ?", caseId) > 0) {
            audit.changed(caseId, "FILING_OVERRIDE_WITHDRAWN", null);
        }
    }
}
