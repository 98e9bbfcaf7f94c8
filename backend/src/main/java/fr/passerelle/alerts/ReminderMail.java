package fr.passerelle.alerts;

import fr.passerelle.tenancy.AssociationTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The words of a reminder and of a digest, in French or in English. */
final class ReminderMail {
    record Text(String subject, String body) {}

    /** One dated task as a mail lists it. */
    record Item(String taskId, String taskName, String caseReference, String rule, Instant due, ZoneId zone) {}

    private ReminderMail() {}

    static boolean english(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    static Text reminder(Item item, String recipientName, String appUrl, Locale locale) {
        boolean en = english(locale);
        String when = when(item.due(), item.zone(), locale);
        String subject = en
                ? "Reminder: " + item.taskName() + " by " + when
                : "Rappel : " + item.taskName() + " avant le " + when;
        String body = (en ? "Hello " : "Bonjour ") + recipientName + ",\n\n"
                + (en ? "This deadline is coming:\n\n" : "Cette échéance approche :\n\n")
                + describe(item, appUrl, locale)
                + "\n" + signature(en);
        return new Text(subject, body);
    }

    static Text digest(
            List<Item> overdue,
            List<Item> coming,
            String recipientName,
            String appUrl,
            Locale locale,
            Instant now,
            ZoneId zone) {
        boolean en = english(locale);
        String day = DateTimeFormatter.ofPattern(en ? "EEEE d MMMM yyyy" : "EEEE d MMMM yyyy", locale)
                .format(now.atZone(zone));
        StringBuilder body = new StringBuilder((en ? "Hello " : "Bonjour ") + recipientName + ",\n\n");
        if (!overdue.isEmpty()) {
            body.append(en ? "OVERDUE, still to do:\n\n" : "EN RETARD, encore à faire :\n\n");
            overdue.forEach(item -> body.append(describe(item, appUrl, locale)).append('\n'));
        }
        if (!coming.isEmpty()) {
            body.append(en ? "Due in the next 7 days:\n\n" : "À échéance dans les 7 jours :\n\n");
            coming.forEach(item -> body.append(describe(item, appUrl, locale)).append('\n'));
        }
        body.append(signature(en));
        String subject = (en ? "Your deadlines, " : "Vos échéances du ")
                + day
                + (overdue.isEmpty()
                        ? ""
                        : en ? " (" + overdue.size() + " overdue)" : " (" + overdue.size() + " en retard)");
        return new Text(subject, body.toString());
    }

    private static String describe(Item item, String appUrl, Locale locale) {
        boolean en = english(locale);
        String source = RuleNames.source(item.rule());
        return (en ? "- To do: " : "- À faire : ") + item.taskName() + "\n"
                + (item.caseReference() == null ? "" : (en ? "  Case: " : "  Dossier : ") + item.caseReference() + "\n")
                + (en ? "  By: " : "  Échéance : ") + when(item.due(), item.zone(), locale) + "\n"
                + (en ? "  Rule: " : "  Règle : ") + RuleNames.name(item.rule(), locale) + "\n"
                + (source.isEmpty() ? "" : (en ? "  Source: " : "  Source : ") + source + "\n")
                + (en ? "  Task: " : "  Tâche : ") + appUrl + "/tasks/" + item.taskId() + "\n";
    }

    /** "lundi 4 mai 2026 à 23:59 (heure de Paris)", "Monday 4 May 2026 at 23:59 (Paris time)". */
    static String when(Instant instant, ZoneId zone, Locale locale) {
        boolean en = english(locale);
        String text = DateTimeFormatter.ofPattern(
                        en ? "EEEE d MMMM yyyy 'at' HH:mm" : "EEEE d MMMM yyyy 'à' HH:mm",
                        en ? Locale.UK : Locale.FRENCH)
                .format(instant.atZone(zone));
        String place = zone.equals(AssociationTime.ZONE)
                ? (en ? "Paris time" : "heure de Paris")
                : (en ? "local time, " : "heure locale, ") + zone.getId();
        return text + " (" + place + ")";
    }

    private static String signature(boolean en) {
        return en
                ? "-- \nPasserelle. You get this mail because the task is yours or offered to you; "
                        + "a daily digest instead can be chosen on your page (Me)."
                : "-- \nPasserelle. Vous recevez ce message parce que la tâche vous revient ou vous est proposée ; "
                        + "un récapitulatif quotidien peut le remplacer (page « Moi »).";
    }
}
