package fr.passerelle.cases;

import java.util.List;
import java.util.UUID;

/**
 * What a module holds about one case, for the applicant's copy of their data (GDPR art. 15 and 20, {@link
 * ApplicantCopy}): a module keeping personal data about a case outside this module's tables provides a bean of
 * this type (procedure: the tasks and their form data; appeals: consents, offers, letters), as it listens to
 * {@link ApplicantErased} to erase it. Called in the request, as the coordinator, for the request's association.
 */
public interface PersonalDataSource {

    /** This module's section about the case; an empty {@code data} list when it holds nothing. */
    Section about(UUID caseId);

    /**
     * A part of the copy: {@code key} names it in the JSON, {@code title} heads it in the readable summary (in
     * French), {@code data} is turned to JSON as it is (records, maps, lists), {@code files} go in the zip.
     */
    record Section(String key, String title, List<?> data, List<Attachment> files) {}

    /** A file of the copy, under the case's folder. */
    record Attachment(String name, byte[] content) {}
}
