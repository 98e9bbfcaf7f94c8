package fr.passerelle.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import fr.passerelle.web.InputRefusal.Fault;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON as the API reads it: every value of the type its field has, nothing coerced. A number is
 * not text, {@code 2} is not {@code true}, an enum is never taken by its position, a date is a
 * string {@code yyyy-MM-dd} (never a number, {@code ""} or {@code []}), a key is not given twice,
 * nothing trails the document; text holds no control character ({@link PlainText}). Each
 * refusal is a 400 naming the field ({@link ProblemHandler}).
 *
 * <p>The engine keeps its own JSON (Camunda's, not this mapper); JSON columns are read with a
 * lenient copy ({@link JsonColumnsConfig}).
 */
@Configuration
class StrictJson {
    /** Set on a mapper's deserialization config to read text as stored, without refusing any. */
    static final String LENIENT_TEXT = "passerelle.lenientText";

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.featuresToDisable(
                        MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .featuresToEnable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .deserializerByType(String.class, new TextDeserializer(true))
                .deserializerByType(LocalDate.class, new DateDeserializer())
                .postConfigurer(mapper -> {
                    mapper.setDefaultLeniency(false);
                    mapper.coercionConfigDefaults()
                            .setAcceptBlankAsEmpty(false)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
                    for (LogicalType type : new LogicalType[] {
                        LogicalType.Textual,
                        LogicalType.Boolean,
                        LogicalType.Integer,
                        LogicalType.Float,
                        LogicalType.Enum,
                        LogicalType.DateTime
                    }) {
                        mapper.coercionConfigFor(type)
                                .setCoercion(
                                        CoercionInputShape.Integer,
                                        type == LogicalType.Integer || type == LogicalType.Float
                                                ? CoercionAction.TryConvert
                                                : CoercionAction.Fail)
                                .setCoercion(
                                        CoercionInputShape.Float,
                                        type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                                .setCoercion(
                                        CoercionInputShape.Boolean,
                                        type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                                .setCoercion(
                                        CoercionInputShape.String,
                                        type == LogicalType.Textual
                                                        || type == LogicalType.Enum
                                                        || type == LogicalType.DateTime
                                                ? CoercionAction.TryConvert
                                                : CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    }
                });
    }

    /** A refusal that carries its own fault (code and wording), raised while reading a field. */
    static final class FaultyValue extends MismatchedInputException {
        private final transient Fault fault;

        FaultyValue(JsonParser parser, Fault fault, Class<?> type) {
            super(parser, fault.message(), type);
            this.fault = fault;
        }

        Fault fault() {
            return fault;
        }
    }

    /** Text only from a JSON string; single-line unless the property is {@link PlainText.MultiLine}. */
    static final class TextDeserializer extends JsonDeserializer<String> implements ContextualDeserializer {
        private final boolean multiLine;

        TextDeserializer(boolean multiLine) {
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            // Values without a declared property (a task form's map) are checked by the form, which knows
            // its text areas from its text fields: here only what no text may hold.
            boolean lines = property == null
                    || property.getAnnotation(PlainText.MultiLine.class) != null
                    || property.getContextAnnotation(PlainText.MultiLine.class) != null;
            return new TextDeserializer(lines);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new FaultyValue(parser, Fault.of("not_text", "must be text"), String.class);
            }
            String text = parser.getText();
            if (!Boolean.TRUE.equals(context.getAttribute(LENIENT_TEXT))) {
                var fault = PlainText.fault(text, multiLine);
                if (fault.isPresent()) {
                    throw new FaultyValue(parser, fault.get(), String.class);
                }
            }
            return text;
        }
    }

    /** A date only as a string {@code yyyy-MM-dd} that exists in the calendar. */
    static final class DateDeserializer extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new FaultyValue(parser, Fault.of("not_date", "must be a date yyyy-MM-dd"), LocalDate.class);
            }
            String text = parser.getText();
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new FaultyValue(parser, Fault.of("not_date", "must be a date yyyy-MM-dd"), LocalDate.class);
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new FaultyValue(
                        parser,
                        Fault.of("impossible_date", "is not a date that exists (" + text + ")", text),
                        LocalDate.class);
            }
        }
    }
}
