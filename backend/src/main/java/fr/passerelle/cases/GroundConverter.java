package fr.passerelle.cases;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a ground as its article ("L435-1"), as people read it. */
@Converter(autoApply = true)
class GroundConverter implements AttributeConverter<Ground, String> {
    @Override
    public String convertToDatabaseColumn(Ground ground) {
        return ground == null ? null : ground.article();
    }

    @Override
    public Ground convertToEntityAttribute(String article) {
        return article == null ? null : Ground.ofArticle(article);
    }
}
