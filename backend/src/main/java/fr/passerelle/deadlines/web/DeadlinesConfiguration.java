package fr.passerelle.deadlines.web;

import fr.passerelle.deadlines.LegalCalendar;
import fr.passerelle.deadlines.LegalDeadlines;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deadline rules as one shared instance (the package itself knows nothing of Spring). */
@Configuration
class DeadlinesConfiguration {
    @Bean
    LegalDeadlines legalDeadlines() {
        return new LegalDeadlines(new LegalCalendar());
    }
}
