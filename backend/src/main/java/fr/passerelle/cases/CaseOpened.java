package fr.passerelle.cases;

import java.util.UUID;

/** Published in the transaction that opens a case: its procedure starts with it. */
public record CaseOpened(UUID caseId, String department, boolean onlineFiling) {}
