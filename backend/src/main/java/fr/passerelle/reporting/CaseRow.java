package fr.passerelle.reporting;

import java.time.LocalDate;

/** One case in the export's case list; the names are null unless a coordinator asked for them. */
record CaseRow(
        String reference,
        String lastName,
        String firstName,
        String ground,
        String department,
        String prefecture,
        String status,
        String step,
        String outcome,
        LocalDate outcomeOn,
        LocalDate openedOn,
        LocalDate appointmentOn,
        LocalDate filedOn,
        LocalDate receiptExpiresOn,
        LocalDate decidedOn,
        LocalDate closedOn,
        String assignee,
        Integer daysFilingToDecision) {}
