package fr.passerelle.appeals;

import fr.passerelle.cases.CaseGrants;
import fr.passerelle.procedure.CaseProcesses;
import fr.passerelle.security.Users;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A lawyer reads the appeal part of a case (the case's file, the documents an appeal needs, the
 * appeal's tasks: cases.CaseAccess keeps the rest for the association's staff) once they have
 * accepted its contentious appeal ({@link Offers}), and only while that appeal runs and the
 * grant is not ended (offer withdrawn, consent withdrawn). An offer alone grants nothing: the
 * lawyer sees its summary in their inbox. The grant is read within the request's association
 * (row-level security), so another association's accepted appeal grants nothing here.
 */
@Component
class AppealGrants implements CaseGrants {
    static final String CONTENTIOUS_APPEAL = "appeal-contentious";
    private final JdbcTemplate jdbc;
    private final CaseProcesses processes;

    AppealGrants(JdbcTemplate jdbc, CaseProcesses processes) {
        this.jdbc = jdbc;
        this.processes = processes;
    }

    @Override
    public boolean lawyerMayRead(UUID caseId) {
        String me = Users.current().orElseThrow().id();
        List<String> appeals = jdbc.queryForList("""
                SELECT process_instance_id FROM app.appeal_offers
                WHERE case_id = ? AND status = 'ACCEPTED' AND accepted_by = ? AND ended_at IS NULL""", String.class, caseId, me);
        return appeals.stream().anyMatch(processes::running);
    }
}
