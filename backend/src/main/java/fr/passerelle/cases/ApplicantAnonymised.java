package fr.passerelle.cases;

import java.util.List;
import java.util.UUID;

/**
 * Published in the transaction that anonymises an applicant at the end of their retention (docs/personal-data.md):
 * their cases stay with their anonymous figures (ground, prefecture, dates, outcome), and every module removes or
 * replaces what it keeps about the person in these cases (the engine's history, free text, stored exports).
 */
public record ApplicantAnonymised(String association, UUID applicantId, List<UUID> caseIds) {}
