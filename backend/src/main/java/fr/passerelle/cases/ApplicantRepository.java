package fr.passerelle.cases;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** No tenant filter here on purpose: row-level security returns the current association's rows only. */
interface ApplicantRepository extends JpaRepository<Applicant, UUID> {

    default Applicant require(UUID id) {
        return findById(id).orElseThrow(() -> new ApplicantNotFoundException(id));
    }

    @Query("""
            SELECT a FROM Applicant a
            WHERE lower(a.lastName) LIKE lower(concat('%', :name, '%'))
               OR lower(coalesce(a.firstName, '')) LIKE lower(concat('%', :name, '%'))""")
    Page<Applicant> findByName(String name, Pageable page);
}
