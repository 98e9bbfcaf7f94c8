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
    static final ChecklistCatalog CATALOG =
            new ChecklistCatalog(new ObjectMapper().registerModule(new JavaTimeModule()));
    static final LocalDate ISSUED = LocalDate.of(2026, 1, 15);

    static Entry entry(Ground ground, String piece) {
        return CATALOG.entry(ground, piece).orElseThrow();
    }

    static Recorded received(String variant, LocalDate issuedOn) {
        return new Recorded(PieceStatus.RECEIVED, variant, issuedOn, null, false, null, null, null);
    }

    @Test
    void aProofOfAddressIsValidForThreeMonthsLessADayFromItsIssue() {
        // the earlier reading: Service-Public says 6 months, practitioners' guides 3
        Entry address = entry(Ground.L435_1, "proof-of-address");
        ChecklistLine lastDay =
                ChecklistLine.of(address, received("utility-bill", ISSUED), 1, LocalDate.of(2026, 4, 14));
        assertThat(lastDay.validUntil()).isEqualTo(LocalDate.of(2026, 4, 14));
        assertThat(lastDay.expired()).isFalse();
        assertThat(lastDay.blocksFiling()).isFalse();

        ChecklistLine threeMonthsOld =
                ChecklistLine.of(address, received("utility-bill", ISSUED), 1, LocalDate.of(2026, 4, 15));
        assertThat(threeMonthsOld.expired()).isTrue();
        assertThat(threeMonthsOld.blocksFiling()).isTrue();
        assertThat(threeMonthsOld.problems()).containsExactly("expired: more than 3 months old since 2026-04-15");

        // a domiciliation is valid a year
        ChecklistLine domiciliation =
                ChecklistLine.of(address, received("domiciliation", ISSUED), 1, LocalDate.of(2026, 12, 1));
        assertThat(domiciliation.validMonths()).isEqualTo(12);
        assertThat(domiciliation.problems()).isEmpty();
    }

    @Test
    void aMonthWithoutTheDayClampsToItsLastDay() {
        ChecklistLine line = ChecklistLine.of(
                entry(Ground.L435_1, "proof-of-address"),
                received("utility-bill", LocalDate.of(2025, 11, 30)),
                0,
                LocalDate.of(2026, 2, 27));
        assertThat(line.validUntil()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(line.expired()).isFalse();
        assertThat(ChecklistLine.of(
                                entry(Ground.L435_1, "proof-of-address"),
                                received("utility-bill", LocalDate.of(2025, 11, 30)),
                                0,
                                LocalDate.of(2026, 2, 28))
                        .expired())
                .isTrue();
    }

    @Test
    void onlyTheCertificateOfNationalityExpiresAmongTheProofsOfNationality() {
        Entry nationality = entry(Ground.L435_1, "nationality");
        LocalDate aYearLater = ISSUED.plusYears(1);
        ChecklistLine certificate =
                ChecklistLine.of(nationality, received("nationality-certificate", ISSUED), 1, aYearLater);
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
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "proof-of-address"), received("utility-bill", null), 1, ISSUED)
                        .problems())
                .containsExactly("date of issue not recorded (it must be less than 3 months old)");
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "nationality"), received(null, ISSUED), 1, ISSUED)
                        .problems())
                .containsExactly("which kind of document it is is not recorded");
    }

    @Test
    void aForeignCivilStatusDocumentNeedsACertifiedTranslation() {
        Entry birth = entry(Ground.L435_1, "birth-certificate");
        ChecklistLine untranslated = ChecklistLine.of(birth, received(null, null), 1, ISSUED);
        assertThat(untranslated.translationNeeded()).isTrue();
        assertThat(untranslated.problems()).containsExactly("certified translation into French missing");
        assertThat(untranslated.problemsFr()).containsExactly("traduction certifiée en français manquante");

        var translated = new Recorded(PieceStatus.VERIFIED, null, null, true, true, null, null, null);
        assertThat(ChecklistLine.of(birth, translated, 1, ISSUED).problems()).isEmpty();
        var inFrench = new Recorded(PieceStatus.RECEIVED, null, null, false, false, null, null, null);
        assertThat(ChecklistLine.of(birth, inFrench, 1, ISSUED).translationNeeded())
                .isFalse();
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "photos"), received(null, null), 1, ISSUED)
                        .translationNeeded())
                .as("not a civil-status document")
                .isFalse();
    }

    @Test
    void aMissingRequiredPieceBlocksButAnOptionalOrALaterOneDoesNot() {
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "humanitarian-evidence"), Recorded.NOTHING, 0, ISSUED)
                        .blocksFiling())
                .isTrue();
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "evidence-medical"), Recorded.NOTHING, 0, ISSUED)
                        .blocksFiling())
                .as("optional")
                .isFalse();
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "stamp-duty"), Recorded.NOTHING, 0, ISSUED)
                        .blocksFiling())
                .as("handed over when the card is collected")
                .isFalse();
    }

    @Test
    void everyGroundHasItsListCitingTheLawOrAPublicPageNeverAFile() {
        for (Ground ground : Ground.values()) {
            assertThat(CATALOG.of(ground)).as(ground.article()).isNotEmpty();
            assertThat(CATALOG.source(ground))
                    .as(ground.article())
                    .isNotBlank()
                    .containsAnyOf("CESEDA", "Service-Public.fr")
                    .doesNotContain("seeds", ".txt", "procedure.md", "DESIGN", "reference/");
        }
        assertThat(CATALOG.of(Ground.L423_1).stream().map(Entry::code))
                .contains("spouse-nationality", "marriage-certificate", "community-of-life");
        assertThat(CATALOG.of(Ground.L425_1).stream().map(Entry::code))
                .as("trafficking victims pay nothing")
                .doesNotContain("stamp-duty");
    }

    @Test
    void aCatalogNamingAnUnknownPieceIsRefusedAtStartUp() {
        var lists = new java.util.HashMap<String, ChecklistCatalog.GroundList>();
        for (Ground ground : Ground.values()) {
            lists.put(ground.article(), new ChecklistCatalog.GroundList("test", List.of()));
        }
        lists.put(
                "L435-1",
                new ChecklistCatalog.GroundList(
                        "test",
                        List.of(new ChecklistCatalog.Item("no-such-piece", true, null, null, null, null, null))));
        assertThatThrownBy(() -> new ChecklistCatalog(new ChecklistCatalog.Catalog("", Map.of(), lists)))
                .hasMessageContaining("L435-1: unknown piece no-such-piece");
    }

    @Test
    void aConditionWithoutItsFrenchWordingIsRefusedAtStartUp() {
        var lists = new java.util.HashMap<String, ChecklistCatalog.GroundList>();
        for (Ground ground : Ground.values()) {
            lists.put(ground.article(), new ChecklistCatalog.GroundList("test", List.of()));
        }
        lists.put(
                "L435-1",
                new ChecklistCatalog.GroundList(
                        "test",
                        List.of(new ChecklistCatalog.Item(
                                "no-such-piece", false, "when married", null, null, null, null))));
        assertThatThrownBy(() -> new ChecklistCatalog(new ChecklistCatalog.Catalog("", Map.of(), lists)))
                .hasMessageContaining("L435-1: no-such-piece has a condition without its French wording");
    }

    @Test
    void everyConditionOfTheCatalogIsWordedInFrench() {
        assertThat(Ground.values())
                .allSatisfy(ground -> assertThat(CATALOG.of(ground))
                        .allSatisfy(entry -> assertThat(entry.when() == null || entry.whenFr() != null)
                                .as(ground + " " + entry.code())
                                .isTrue()));
    }

    // ---------------------------------------------------------------- issue 9, item 10

    private static java.util.List<String> codes(Ground ground) {
        return CATALOG.of(ground).stream().map(Entry::code).toList();
    }

    /** Issue 18: the circular of 23 January 2025 asks for seven years of presence (not five since 2012). */
    @Test
    void anAdmissionExceptionnelleAsksForPresenceYearByYearSevenRequiredAndTenForTheCommission() {
        List<Entry> years = CATALOG.of(Ground.L435_1).stream()
                .filter(e -> e.code().startsWith("presence-year-"))
                .toList();
        assertThat(years)
                .extracting(Entry::code)
                .containsExactly(
                        "presence-year-1",
                        "presence-year-2",
                        "presence-year-3",
                        "presence-year-4",
                        "presence-year-5",
                        "presence-year-6",
                        "presence-year-7",
                        "presence-year-8",
                        "presence-year-9",
                        "presence-year-10");
        assertThat(years.subList(0, 7)).allMatch(Entry::required);
        assertThat(years.subList(7, 10))
                .noneMatch(Entry::required)
                .allMatch(e -> e.when().contains("L432-13"));
        assertThat(years.get(2).piece().labelFr()).endsWith("(année 3 avant le dépôt)");
        assertThat(ChecklistLine.of(years.get(0), Recorded.NOTHING, 0, ISSUED).blocksFiling())
                .isTrue();
        assertThat(ChecklistLine.of(years.get(9), Recorded.NOTHING, 0, ISSUED).blocksFiling())
                .isFalse();
    }

    /**
     * Issue 18: the circular of 23 January 2025 asks every applicant for mastery of French (any proof),
     * and repealed the 2012 pay-slip thresholds (8 months in 24, 30 in 5 years) without new ones.
     */
    @Test
    void theWorkRouteHasItsContractAndPaySlipsAndEveryRouteItsProofOfFrench() {
        for (String piece : List.of("work-contract-or-promise", "payslips-work-route")) {
            Entry entry = entry(Ground.L435_1, piece);
            assertThat(entry.required()).as(piece).isFalse();
            assertThat(entry.when()).as(piece).contains("work route");
        }
        Entry french = entry(Ground.L435_1, "french-proficiency");
        assertThat(french.required()).isTrue();
        assertThat(french.when()).contains("every route", "23 January 2025");
        assertThat(french.piece().labelFr()).contains("toute autre preuve");
        Entry payslips = entry(Ground.L435_1, "payslips-work-route");
        assertThat(payslips.piece().labelFr())
                .contains("24 derniers mois", "abrogé")
                .doesNotContain("8 mois sur");
        assertThat(CATALOG.source(Ground.L435_1)).contains("23 janvier 2025", "sept ans");
    }

    /** Issue 18: the legalisation decree now in force (décret n° 2024-87), not the annulled one. */
    @Test
    void legalisationFollowsTheDecreeNowInForce() throws Exception {
        String catalog = new String(
                ChecklistCatalog.class
                        .getResourceAsStream(ChecklistCatalog.RESOURCE)
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(catalog).contains("2024-87").contains("448296");
        assertThat(entry(Ground.L435_1, "birth-certificate").piece().legalisation())
                .isTrue();
    }

    /**
     * Issue 18: renewal has its list; a first multi-year card applied for since 1 January 2026 needs
     * French at A2 and the civic exam (L433-4 CESEDA; décret n° 2025-647).
     */
    @Test
    void aRenewalListHasTheFrenchLevelAndTheCivicExamSince2026() {
        List<String> renewal = CATALOG.renewal().stream().map(Entry::code).toList();
        assertThat(renewal).contains("current-card", "ground-still-met", "french-a2", "civic-exam", "proof-of-address");
        Entry a2 = CATALOG.renewal().stream()
                .filter(e -> e.code().equals("french-a2"))
                .findFirst()
                .orElseThrow();
        assertThat(a2.required()).isFalse();
        assertThat(a2.whenFr()).contains("1er janvier 2026");
        assertThat(CATALOG.renewalSource()).contains("R431-5", "L433-4", "2025-647");
    }

    @Test
    void aParentOfAFrenchChildProvesNoRegularEntry() {
        assertThat(codes(Ground.L423_7)).doesNotContain("regular-entry").contains("child-upkeep");
        assertThat(CATALOG.source(Ground.L423_7)).contains("L412-1");
        assertThat(codes(Ground.L423_1)).contains("regular-entry");
    }

    @Test
    void theMedicalEvidenceOfTheCarePermitGoesToTheOfiiUnderSealAndNeverBlocksTheFiling() {
        for (String piece : List.of("medical-report", "ofii-medical-evidence")) {
            ChecklistLine missing = ChecklistLine.of(entry(Ground.L425_9, piece), Recorded.NOTHING, 0, ISSUED);
            assertThat(missing.sealedForOfii()).as(piece).isTrue();
            assertThat(missing.required()).as(piece).isTrue();
            assertThat(missing.blocksFiling())
                    .as(piece + ": not part of the prefecture's file")
                    .isFalse();
        }
        assertThat(codes(Ground.L425_9)).doesNotContain("evidence-medical");
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "evidence-medical"), Recorded.NOTHING, 0, ISSUED)
                        .sealedForOfii())
                .as("humanitarian medical evidence goes with the file")
                .isFalse();
    }

    @Test
    void anAttestationDHebergementMakesTheHostsPapersRequired() {
        Entry host = entry(Ground.L435_1, "host-papers");
        assertThat(host.required()).isFalse();
        assertThat(host.given(piece -> piece.equals("proof-of-address") ? "utility-bill" : null)
                        .required())
                .isFalse();
        Entry hosted = host.given(piece -> piece.equals("proof-of-address") ? "hosting-attestation" : null);
        assertThat(hosted.required()).isTrue();
        assertThat(ChecklistLine.of(hosted, Recorded.NOTHING, 0, ISSUED).blocksFiling())
                .isTrue();
        assertThat(ChecklistLine.of(hosted, received(null, ISSUED), 0, LocalDate.of(2026, 4, 15))
                        .problems())
                .containsExactly("expired: more than 3 months old since 2026-04-15");
    }

    @Test
    void theProtectionOrderAndHostOrganisationGroundsHaveTheirLists() {
        for (Ground ground : List.of(Ground.L425_6, Ground.L425_7)) {
            assertThat(codes(ground))
                    .as(ground.article())
                    .contains("protection-order", "proof-of-address")
                    .as("the card is free of charge")
                    .doesNotContain("stamp-duty");
            assertThat(CATALOG.source(ground)).contains("gratuite");
        }
        assertThat(Ground.ofArticle("L425-7")).isEqualTo(Ground.L425_7);
        assertThat(codes(Ground.L435_2))
                .contains(
                        "host-organisation-activity",
                        "activity-seriousness",
                        "host-organisation-head-report",
                        "stamp-duty");
    }

    @Test
    void aForeignCivilStatusDocumentIsFlaggedForLegalisationOrApostille() {
        assertThat(ChecklistLine.of(entry(Ground.L423_1, "marriage-certificate"), Recorded.NOTHING, 0, ISSUED)
                        .legalisationToCheck())
                .isTrue();
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "birth-certificate"), Recorded.NOTHING, 0, ISSUED)
                        .legalisationToCheck())
                .isTrue();
        assertThat(ChecklistLine.of(entry(Ground.L435_1, "photos"), Recorded.NOTHING, 0, ISSUED)
                        .legalisationToCheck())
                .isFalse();
    }
}
