package fr.passerelle.cases.internal;

import java.util.List;
import java.util.Optional;

/** The catalogue's checklists as a kit sees them: each list's name and its pieces (the catalogue implements it). */
public interface CatalogueLists {
    /** A ground's article (L435-1, ...) or {@code renewal}, in the catalogue's order. */
    List<String> lists();

    /** The pieces of a list, or empty when no list has that name. */
    Optional<List<CataloguePiece>> pieces(String list);

    record CataloguePiece(String piece, String labelFr, String labelEn, boolean required) {}
}
