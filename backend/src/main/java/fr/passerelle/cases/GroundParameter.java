package fr.passerelle.cases;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** A ground in a query parameter is written as people read it ("L435-1"), as in JSON. */
@Component
class GroundParameter implements Converter<String, Ground> {
    @Override
    public Ground convert(String article) {
        return Ground.ofArticle(article);
    }
}
