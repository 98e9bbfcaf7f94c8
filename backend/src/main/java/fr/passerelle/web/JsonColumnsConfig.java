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
        ObjectMapper columns = json.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
        // What was stored is read back as it is, even if the rules for new input have become stricter.
        columns.setConfig(columns.getDeserializationConfig().withAttribute(StrictJson.LENIENT_TEXT, true));
        return properties -> properties.put(MappingSettings.JSON_FORMAT_MAPPER, new JacksonJsonFormatMapper(columns));
    }
}
