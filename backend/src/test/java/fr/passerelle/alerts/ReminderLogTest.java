package fr.passerelle.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the dispatcher logs of an SMTP refusal: the reason, not the address (no personal data in logs). */
class ReminderLogTest {
    @Test
    void anSmtpRefusalIsLoggedWithoutTheAddressesItNames() {
        String refusal = "MailSendException: Failed messages: jakarta.mail.SendFailedException: Invalid Addresses;"
                + " nested exception is: 550 5.1.1 <amina.diallo@example.org>... User unknown, also paul@example.org";
        assertThat(ReminderDispatcher.withoutAddresses(refusal))
                .doesNotContain("amina", "diallo", "paul", "example.org")
                .contains("550 5.1.1 <<address>>... User unknown", "also <address>");
        assertThat(ReminderDispatcher.withoutAddresses(null)).isNull();
    }
}
