package fr.passerelle.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** No tenant filter here on purpose: row-level security returns the current association's rows only. */
interface CaseNoteRepository extends JpaRepository<CaseNote, UUID> {
    List<CaseNote> findByCaseIdOrderByCreatedAtDesc(UUID caseId);
}
