package fr.passerelle.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.passerelle.cases.ChecklistCatalog.Entry;
import fr.passerelle.cases.ChecklistLine.Recorded;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checklist rules on fixed dates, against the real catalog (checklists.json). */
class ChecklistLineTest {
    static final ChecklistCatalog CATALOG = new ChecklistCatalog(new ObjectMapper().registerModule(new JavaTimeModule()));
    static final LocalDate ISSUED = LocalDate.of(2026, 1, 15);

    static Entry entry(Ground ground, String piece) {
        return CATALOG.entry(ground, piece).orElseThrow();
    }

    static Recorded received(String variant, LocalDate issuedOn) {
        return new Recorded(PieceStatus.RECEIVED, variant, issuedOn, null, false, null, null, null);
    }

    @Test
    void aProofOfAddressIsValidForSixMonthsLessADayFromItsIssue() {
        Entry address = entry(Ground.L435_1, "proof-of-address");
        ChecklistLine lastDay = ChecklistLine.of(address, received(null, ISSUED), 1, LocalDate.of(2026, 7, 14));
        assertThat(lastDay.validUntil()).isEqualTo(LocalDate.of(2026, 7, 14));
        assertThat(lastDay.expired()).isFalse();
        assertThat(lastDay.blocksFiling()).isFalse();

        ChecklistLine sixMonthsOld = ChecklistLine.of(address, received(null, ISSUED), 1, LocalDate.of(2026, 7, 15));
        assertThat(sixMonthsOld.expired()).isTrue();
        assertThat(sixMonthsOld.blocksFiling()).isTrue();
        assertThat(sixMonthsOld.problems()).containsExactly("expired: more than 6 months old since 2026-07-15");
    }

    @Test
    void aMonthWithoutTheDayClampsToItsLastDay() {
        ChecklistLine line = ChecklistLine.of(entry(Ground.L435_1, "proof-of-address"),
                received(null, LocalDate.of(2025, 8, 31)), 0, LocalDate.of(2026, 2, 27));
        assertThat(line.validUntil()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(line.expired()).isFalse();
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "proof-of-address"),
                received(null, LocalDate.of(2025, 8, 31)), 0, LocalDate.of(2026, 2, 28)).expired()).isTrue();
    }

    @Test
    void onlyTheCertificateOfNationalityExpiresAmongTheProofsOfNationality() {
        Entry nationality = entry(Ground.L435_1, "nationality");
        LocalDate aYearLater = ISSUED.plusYears(1);
        ChecklistLine certificate = ChecklistLine.of(nationality, received("nationality-certificate", ISSUED), 1,
                aYearLater);
        assertThat(certificate.validMonths()).isEqualTo(6);
        assertThat(certificate.expired()).isTrue();
        assertThat(certificate.blocksFiling()).isTrue();

        ChecklistLine passport = ChecklistLine.of(nationality, received("passport", ISSUED), 1, aYearLater);
        assertThat(passport.validMonths()).isNull();
        assertThat(passport.expired()).isFalse();
        assertThat(passport.problems()).isEmpty();
    }

    @Test
    void anExpiringPieceWithoutItsDateOfIssueOrItsKindIsNotUsable() {
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "proof-of-address"), received(null, null), 1, ISSUED)
                .problems()).containsExactly("date of issue not recorded (it must be less than 6 months old)");
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "nationality"), received(null, ISSUED), 1, ISSUED)
                .problems()).containsExactly("which kind of document it is is not recorded");
    }

    @Test
    void aForeignCivilStatusDocumentNeedsACertifiedTranslation() {
        Entry birth = entry(Ground.L435_1, "birth-certificate");
        ChecklistLine untranslated = ChecklistLine.of(birth, received(null, null), 1, ISSUED);
        assertThat(untranslated.translationNeeded()).isTrue();
        assertThat(untranslated.problems()).containsExactly("certified translation into French missing");

        var translated = new Recorded(PieceStatus.VERIFIED, null, null, true, true, null, null, null);
        assertThat(ChecklistLine.of(birth, translated, 1, ISSUED).problems()).isEmpty();
        var inFrench = new Recorded(PieceStatus.RECEIVED, null, null, false, false, null, null, null);
        assertThat(ChecklistLine.of(birth, inFrench, 1, ISSUED).translationNeeded()).isFalse();
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "photos"), received(null, null), 1, ISSUED)
                .translationNeeded()).as("not a civil-status document").isFalse();
    }

    @Test
    void aMissingRequiredPieceBlocksButAnOptionalOrALaterOneDoesNot() {
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "humanitarian-evidence"), Recorded.NOTHING, 0, ISSUED)
                .blocksFiling()).isTrue();
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "evidence-medical"), Recorded.NOTHING, 0, ISSUED)
                .blocksFiling()).as("optional").isFalse();
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "stamp-duty"), Recorded.NOTHING, 0, ISSUED)
                .blocksFiling()).as("handed over when the card is collected").isFalse();
    }

    @Test
    void everyGroundHasItsListFromTheSeeds() {
        for (Ground ground : Ground.values()) {
            assertThat(CATALOG.of(ground)).as(ground.article()).isNotEmpty();
            assertThat(CATALOG.source(ground)).as(ground.article()).isNotBlank();
        }
        assertThat(CATALOG.of(Ground.L423_1).stream().map(Entry::code))
                .contains("spouse-nationality", "marriage-certificate", "community-of-life");
        assertThat(CATALOG.of(Ground.L425_1).stream().map(Entry::code))
                .as("trafficking victims pay nothing").doesNotContain("stamp-duty");
    }

    @Test
    void aCatalogNamingAnUnknownPieceIsRefusedAtStartUp() {
        var lists = new java.util.HashMap<String, ChecklistCatalog.GroundList>();
        for (Ground ground : Ground.values()) {
            lists.put(ground.article(), new ChecklistCatalog.GroundList("test", List.of()));
        }
        lists.put("L435-1", new ChecklistCatalog.GroundList("test",
                List.of(new ChecklistCatalog.Item("no-such-piece", true, null))));
        assertThatThrownBy(() -> new ChecklistCatalog(new ChecklistCatalog.Catalog("", Map.of(), lists)))
                .hasMessageContaining("L435-1: unknown piece no-such-piece");
    }
}
