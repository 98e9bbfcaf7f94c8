package fr.passerelle.alerts;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.passerelle.security.Role;
import fr.passerelle.status.internal.ApplicantReminders;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 23, reminders to the applicant: with their consent recorded by staff, a coming appointment (its
 * date from the case's open task, through procedure.OpenTasks) makes one e-mail, through the alerts
 * module's outbox and dispatcher, to the address of the applicant's record (a real SMTP server, GreenMail),
 * in their status page's language, with the right date and the pieces still missing; nothing without
 * consent, nothing after its withdrawal, never a staff name or a task's name.
 */
@ApiTest
class ApplicantRemindersTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String PROCESS = "status-appointment";
    static final LocalDate APPOINTMENT = LocalDate.of(2026, 3, 12);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    ReminderDispatcher dispatcher;

    @Autowired
    ApplicantReminders reminders;

    Api caseworker;
    Api anonymous;
    String email;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA);
        caseworker = Api.at(port)
                .as(TestTokens.user("ines.caseworker", group(ALPHA, "caseworker"))
                        .token());
        anonymous = Api.at(port);
        email = "amina-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        repository
                .createDeployment()
                .name(PROCESS)
                .enableDuplicateFiltering(true)
                .addModelInstance(
                        PROCESS + ".bpmn",
                        Bpmn.createExecutableProcess(PROCESS)
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("attendAppointment")
                                .name("Accompagner au rendez-vous en préfecture")
                                .camundaCandidateGroups("caseworker")
                                .camundaDueDate("${deadlines.at(execution, 'appointmentDate')}")
                                .endEvent()
                                .done())
                .deploy();
        clock(APPOINTMENT.minusDays(5).atTime(9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void withConsentTheAppointmentComesByMailInThePagesLanguageWithThePiecesMissingAndNothingOnceWithdrawn()
            throws Exception {
        String caseId = open(email);
        appointment(caseId);
        String link = give(caseId, "en");

        assertThat(reminders.plan()).as("no consent, no reminder").isZero();
        dispatcher.dispatchDue();
        assertThat(to(email)).isEmpty();

        var consent = caseworker.put("/api/cases/" + caseId + "/status-reminders", "");
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
        assertThat(consent.json().get("active").asBoolean()).isTrue();
        assertThat(consent.json().get("address").asText()).isEqualTo(email);
        assertThat(consent.json().get("consentedBy").asText()).isEqualTo("ines.caseworker");
        assertThat(consent.json().get("channel").asText()).isEqualTo("EMAIL");
        var shown =
                caseworker.get("/api/cases/" + caseId + "/status-link").json().get("reminders");
        assertThat(shown.get("active").asBoolean()).isTrue();
        assertThat(shown.get("consented").asText()).isNotBlank();

        // the applicant chooses Arabic on their page: the reminders follow
        String code = link.substring(link.indexOf('#') + 1);
        String api = link.substring(0, link.indexOf('#'));
        var page = anonymous.post(api + "/view", "{\"code\": \"" + code + "\", \"language\": \"ar\"}");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> missing = new ArrayList<>();
        for (JsonNode piece : page.json().get("pieces")) {
            if ("MISSING".equals(piece.get("state").asText())
                    && !piece.get("atDelivery").asBoolean()) {
                missing.add(piece.get("label").asText());
            }
        }
        assertThat(missing).isNotEmpty();

        assertThat(reminders.plan())
                .as("7 days before, already reached: one reminder at once")
                .isEqualTo(1);
        assertThat(reminders.plan()).as("once").isZero();
        dispatcher.dispatchDue();
        MimeMessage arabic = single(to(email));
        assertThat(arabic.getHeader("Content-Language")[0]).isEqualTo("ar");
        String arabicDay = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("ar"))
                .format(APPOINTMENT);
        assertThat(arabic.getSubject()).isEqualTo("تذكير: موعدك في المحافظة (البريفكتور) يوم " + arabicDay);
        String body = (String) arabic.getContent();
        assertThat(body).contains("لديك موعد في المحافظة يوم " + arabicDay);
        missing.forEach(label -> assertThat(body).contains("- " + label));
        assertThat(body).doesNotContain("ines", "Accompagner", "rendez-vous en préfecture", "Diallo");
        dispatcher.dispatchDue();
        assertThat(to(email)).as("sent once").hasSize(1);

        // the applicant goes back to English; the day before, the second reminder is in English
        anonymous.post(api + "/view", "{\"code\": \"" + code + "\", \"language\": \"en\"}");
        clock(APPOINTMENT.minusDays(1).atTime(8, 0));
        assertThat(reminders.plan()).isEqualTo(1);
        dispatcher.dispatchDue();
        assertThat(to(email)).hasSize(2);
        MimeMessage english = to(email).get(1);
        assertThat(english.getSubject())
                .isEqualTo("Reminder: your appointment at the prefecture on Thursday 12 March 2026");
        assertThat((String) english.getContent()).contains("Documents still missing, to bring:");

        // withdrawn: what waits is cancelled, nothing more is planned
        var withdrawn = caseworker.delete("/api/cases/" + caseId + "/status-reminders");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("active").asBoolean()).isFalse();
        assertThat(withdrawn.json().get("withdrawnBy").asText()).isEqualTo("ines.caseworker");
        assertThat(caseworker
                        .delete("/api/cases/" + caseId + "/status-reminders")
                        .status())
                .isEqualTo(404);
        String secondCase = open(email);
        appointment(secondCase);
        assertThat(caseworker
                        .put("/api/cases/" + secondCase + "/status-reminders", "")
                        .status())
                .isEqualTo(200);
        assertThat(reminders.plan()).as("the second case's reminder").isEqualTo(1);
        assertThat(caseworker
                        .delete("/api/cases/" + secondCase + "/status-reminders")
                        .status())
                .isEqualTo(200);
        dispatcher.dispatchDue();
        assertThat(to(email)).as("the pending reminder was cancelled").hasSize(2);
        assertThat(reminders.plan()).isZero();
        assertThat(audited(caseId)).contains("STATUS_REMINDERS_CONSENTED", "STATUS_REMINDERS_WITHDRAWN");
    }

    @Test
    void withoutAnEmailAddressTheConsentIsRefusedAndNothingIsKept() {
        String caseId = open(null);
        var refused = caseworker.put("/api/cases/" + caseId + "/status-reminders", "");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).startsWith("La fiche du demandeur n’a pas d’adresse e-mail");
        var state =
                caseworker.get("/api/cases/" + caseId + "/status-link").json().get("reminders");
        assertThat(state.get("active").asBoolean()).isFalse();
        assertThat(state.hasNonNull("address")).isFalse();
        assertThat(state.hasNonNull("consented")).isFalse();
    }

    String open(String address) {
        var created = caseworker.post("/api/cases", """
                {"applicant": {"firstName": "Amina", "lastName": "Diallo", "birthDate": "1990-04-02",
                 "nationality": "MLI", "entryDate": "2014-09-01", "languages": ["arabe"],
                 "interpreterNeeded": false, "email": %s},
                 "ground": "L435-1", "department": "69", "prefecture": "Préfecture du Rhône"}""".formatted(address == null ? "null" : "\"" + address + "\""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** The case's appointment at the prefecture, as a dated open task of the case. */
    void appointment(String caseId) {
        Tenancy.runAs(
                new CurrentAssociation(ALPHA, Set.of(Role.COORDINATOR)),
                () -> runtime.startProcessInstanceByKey(
                        PROCESS, caseId, Map.of("appointmentDate", APPOINTMENT.toString(), "department", "69")));
    }

    /** The link's page on the API and its code, as {@code api#code}. */
    String give(String caseId, String language) {
        var given = caseworker.post("/api/cases/" + caseId + "/status-link", "{\"language\": \"" + language + "\"}");
        assertThat(given.status()).as(given.toString()).isEqualTo(201);
        String path = URI.create(given.json().get("url").asText()).getPath();
        String token = path.substring(path.lastIndexOf('/') + 1);
        return "/api/status/" + ALPHA + "/" + token + "#"
                + given.json().get("code").asText();
    }

    List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().contains(address))) {
                found.add(message);
            }
        }
        return found;
    }

    static MimeMessage single(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    List<String> audited(String caseId) {
        return Tenancy.runAs(
                new CurrentAssociation(ALPHA, Set.of()),
                () -> jdbc.queryForList(
                        "SELECT action FROM app.audit_events WHERE case_id = ?::uuid", String.class, caseId));
    }

    static void clock(LocalDateTime paris) {
        ClockUtil.setCurrentTime(Date.from(paris.atZone(PARIS).toInstant()));
    }
}
