package fr.passerelle.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** No tenant filter here on purpose: row-level security returns the current association's rows only. */
interface CaseRepository extends JpaRepository<CaseFile, UUID>, JpaSpecificationExecutor<CaseFile> {

    /** The case, or 404 whether it does not exist or is another association's. */
    default CaseFile require(UUID id) {
        return findById(id).orElseThrow(() -> new CaseNotFoundException(id));
    }

    @Override
    @EntityGraph(attributePaths = "applicant")
    Page<CaseFile> findAll(Specification<CaseFile> filter, Pageable page);

    @EntityGraph(attributePaths = "applicant")
    List<CaseFile> findByApplicantIdOrderByCreatedAtDesc(UUID applicantId);

    boolean existsByApplicantId(UUID applicantId);

    java.util.Optional<CaseFile> findByRenewalOf(UUID renewalOf);
}
