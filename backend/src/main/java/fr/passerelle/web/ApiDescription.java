package fr.passerelle.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description served at {@code /v3/api-docs}: what the service is, and the tags the
 * controllers file their operations under ({@code @Tag(name = ...)}), each described once here.
 * Checked by Spectral's {@code spectral:oas} ruleset (infra/spectral, run by infra/test.sh).
 */
@Configuration
class ApiDescription {

    @Bean
    OpenAPI passerelleApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Passerelle")
                        .version("1")
                        .description("Case workflow for associations that accompany foreign nationals through"
                                + " residence-permit procedures. Every call but GET /api/config and GET"
                                + " /api/legal-deadlines needs a bearer token; a user in several associations"
                                + " names one with X-Association. Every error is a problem document"
                                + " (application/problem+json) worded in French unless Accept-Language asks for"
                                + " English: docs/api-problems.md.")
                        .contact(new Contact().name("Passerelle")))
                .tags(List.of(
                        tag(
                                "Cases",
                                "An association's cases, their notes and timeline; opening one starts its procedure."),
                        tag("Applicants", "The people the association accompanies."),
                        tag(
                                "Checklist and documents",
                                "The pieces a case's ground asks for, their documents, and"
                                        + " whether the file may be filed."),
                        tag(
                                "Prefecture kits",
                                "How an association adjusts the checklists for a department's prefecture, and the"
                                        + " kits associations publish for others to start from."),
                        tag(
                                "Tasks",
                                "The task lists and working a task: claim, complete with its form's data, assign."),
                        tag(
                                "Case events",
                                "What the prefecture or the court did, delivered to the step waiting for it."),
                        tag("Procedure", "Where a case stands in its procedure, the models and the events' forms."),
                        tag(
                                "Appeals",
                                "Handing a contentious appeal to lawyers: consent, offers, the lawyer's inbox,"
                                        + " letters."),
                        tag(
                                "Deadlines and reminders",
                                "Deadlines due, failed reminders, calendar feeds, alert settings."),
                        tag("Legal deadlines", "The public deadline calculator."),
                        tag(
                                "Personal data",
                                "One applicant's data: the copy (GDPR art. 15 and 20), the erasure (art. 17), and the"
                                        + " association's retention before anonymisation."),
                        tag(
                                "Applicant's status page",
                                "The link staff give an applicant to follow their own case, and that page (no account:"
                                        + " the link's token and its code)."),
                        tag("Reporting", "Statistics and Excel exports."),
                        tag("Audit", "Every read and change of a case file."),
                        tag("Association", "The association's members and partner lawyers, as Keycloak holds them."),
                        tag(
                                "Platform administration",
                                "Platform admins only: associations, their members, users to"
                                        + " add, the platform's log."),
                        tag("Session", "Who the caller is, and the web app's login settings.")));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
