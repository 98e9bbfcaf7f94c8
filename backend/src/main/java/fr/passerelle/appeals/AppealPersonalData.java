package fr.passerelle.appeals;

import fr.passerelle.cases.PersonalDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The appeals' part of the applicant's copy of their data (GDPR art. 15, 20): the consents given (or overridden)
 * to share the case with a lawyer, the offers made to lawyers with their summary and answers, and the letters'
 * drafts as the association would send them, when the case has a decision to appeal against.
 */
@Component
class AppealPersonalData implements PersonalDataSource {
    private final JdbcTemplate jdbc;
    private final AppealLetters letters;

    AppealPersonalData(JdbcTemplate jdbc, AppealLetters letters) {
        this.jdbc = jdbc;
        this.letters = letters;
    }

    @Override
    public Section about(UUID caseId) {
        List<Object> items = new ArrayList<>();
        for (Map<String, Object> consent : jdbc.queryForList("""
                SELECT 'consent' AS kind_of_record, kind, document_note, reason, recorded_by_name, recorded_at,
                       withdrawn_at, withdrawn_by_name, withdrawal_reason
                FROM app.appeal_consents WHERE case_id = ? ORDER BY recorded_at""", caseId)) {
            items.add(consent);
        }
        for (Map<String, Object> offer : jdbc.queryForList("""
                SELECT 'offer' AS kind_of_record, summary::text AS summary, offered_by_name, offered_at, status,
                       accepted_by_name, accepted_at, ended_at, end_reason,
                       (SELECT json_agg(json_build_object('lawyer', d.lawyer_name, 'reason', d.reason,
                                                          'at', d.declined_at))::text
                        FROM app.appeal_offer_declines d WHERE d.offer_id = o.id) AS declines
                FROM app.appeal_offers o WHERE case_id = ? ORDER BY offered_at""", caseId)) {
            items.add(offer);
        }
        List<Attachment> files = new ArrayList<>();
        if (!items.isEmpty()) {
            for (AppealLetters.Kind kind : AppealLetters.Kind.values()) {
                AppealLetters.Letter letter = letters.draft(caseId, kind.code);
                files.add(new Attachment(letter.filename(), letter.content()));
                items.add(Map.of("kind_of_record", "letter", "file", letter.filename()));
            }
        }
        return new Section("appeals", "Recours, consentements et courriers", items, files);
    }
}
