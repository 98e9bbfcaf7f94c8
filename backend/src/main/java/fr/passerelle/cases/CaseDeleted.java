package fr.passerelle.cases;

import java.util.UUID;

/** Published in the transaction that deletes a case: its procedure goes with it. */
public record CaseDeleted(UUID caseId) {}
