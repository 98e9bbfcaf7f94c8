package fr.passerelle.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminders and feeds (application.yml, {@code passerelle.alerts}; README "E-mail reminders").
 *
 * @param appUrl        the web app's public address, for the links in mails and calendar events
 * @param from          the sender address of reminders
 * @param dispatch      whether this node's dispatcher sends (every node may: the outbox's locks keep one message)
 * @param interval      how often the dispatcher looks for due reminders
 * @param maxAttempts   SMTP attempts before a reminder is given up as failed (shown to the coordinator)
 * @param retryAfter    the first retry's delay, doubled at each further attempt (at most an hour)
 * @param hour          the local hour day-counted reminders go out (7 days before, 2 days, the day)
 * @param digestHour    the local hour of the daily digest
 */
@ConfigurationProperties("passerelle.alerts")
record AlertProperties(
        @DefaultValue("http://localhost:8080") String appUrl,

        @DefaultValue("Passerelle <rappels@passerelle.localhost>")
        String from,

        @DefaultValue("true") boolean dispatch,
        @DefaultValue("PT30S") Duration interval,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("PT1M") Duration retryAfter,
        @DefaultValue("8") int hour,
        @DefaultValue("7") int digestHour) {

    /** {@link #appUrl} without a trailing slash. */
    String appBase() {
        return appUrl.replaceAll("/+$", "");
    }

    Duration retryDelay(int attemptsMade) {
        Duration delay = retryAfter.multipliedBy(1L << Math.min(Math.max(attemptsMade - 1, 0), 16));
        return delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay;
    }
}
