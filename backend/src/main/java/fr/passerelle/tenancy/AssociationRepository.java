package fr.passerelle.tenancy;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AssociationRepository extends JpaRepository<Association, String> {}
