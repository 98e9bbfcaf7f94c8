package fr.passerelle.cases.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * How a prefecture's kit adjusts one piece of one list: a piece of the catalogue's list removed or given
 * a local note, or a piece the kit adds ({@link #labelFr}/{@link #labelEn} set, {@link #required} its
 * own). A withdrawn added piece stays, {@link #removed}, so a case that recorded it keeps its label.
 */
public record KitPiece(
        String list,
        String piece,
        String labelFr,
        String labelEn,
        boolean required,
        boolean removed,
        String noteFr,
        String noteEn) {

    @JsonIgnore
    public boolean added() {
        return labelFr != null;
    }
}
