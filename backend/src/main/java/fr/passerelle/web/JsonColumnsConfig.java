package fr.passerelle.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON columns ({@code jsonb}, mapped with {@code @JdbcTypeCode(SqlTypes.JSON)}) are written
 * with the service's own JSON settings (ISO dates), and read leniently so that a field
 * removed from a structure later does not make old rows unreadable.
 */
@Configuration
class JsonColumnsConfig {

    @Bean
    HibernatePropertiesCustomizer jsonColumns(ObjectMapper json) {
        ObjectMapper columns = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return properties -> properties.put(MappingSettings.JSON_FORMAT_MAPPER, new JacksonJsonFormatMapper(columns));
    }
}
