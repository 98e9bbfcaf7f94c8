package fr.passerelle.cases;

/** Where a piece of a case's checklist stands. */
enum PieceStatus {
    MISSING,
    RECEIVED,
    VERIFIED
}
