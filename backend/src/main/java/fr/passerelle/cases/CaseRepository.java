package fr.passerelle.cases;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** No tenant filter here on purpose: row-level security returns the current association's rows only. */
interface CaseRepository extends JpaRepository<CaseFile, UUID> {
}
