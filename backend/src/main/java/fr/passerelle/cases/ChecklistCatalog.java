package fr.passerelle.cases;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.cases.internal.CatalogueLists;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The document checklists, one per ground, read from {@code checklists/checklists.json}
 * (data, with the public page or article each list comes from). Checked at start-up: every ground has a list and
 * every item names a known piece, so a typo in the data stops the service rather than a filing.
 */
@Component
class ChecklistCatalog implements CatalogueLists {
    static final String RESOURCE = "/checklists/checklists.json";

    enum Stage {
        FILING,
        DELIVERY
    }

    record Variant(String code, String label, Integer validMonths) {}

    /**
     * {@code sealedForOfii}: sent by the doctor under seal to the OFII medical board (R425-11 CESEDA),
     * never to the prefecture. {@code legalisation}: a foreign civil-status document must be legalised or
     * apostilled unless a convention exempts it (loi n° 2023-1059 art. 48, décret n° 2024-87 of 7 February
     * 2024 in force since 1 April 2024, replacing décret n° 2020-1370 annulled by CE 7 April 2022 n° 448296;
     * Hague Convention of 5 October 1961). {@code health}: a medical piece, health data (GDPR art. 9): its
     * documents are opened only by the case's assignee and the coordinators ({@link CaseAccess#mayReadPiece}).
     */
    record Piece(
            String label,
            String labelFr,
            Stage stage,
            boolean civilStatus,
            Integer validMonths,
            List<Variant> variants,
            boolean sealedForOfii,
            boolean legalisation,
            boolean health) {
        Piece {
            stage = stage == null ? Stage.FILING : stage;
            variants = variants == null ? List.of() : List.copyOf(variants);
        }

        Optional<Variant> variant(String code) {
            return variants.stream().filter(v -> v.code().equals(code)).findFirst();
        }
    }

    /**
     * {@code fromYear}/{@code toYear}: one line per year of presence before the filing
     * ({@code presence-year-1} is the last year). {@code requiredIf} ({@code piece:variant}): required when
     * that piece is recorded as that kind (the host's papers with an attestation d'hébergement).
     */
    record Item(
            String piece,
            Boolean required,
            String when,
            String whenFr,
            Integer fromYear,
            Integer toYear,
            String requiredIf) {
        boolean mandatory() {
            return required == null || required;
        }
    }

    record GroundList(String source, List<Item> items) {}

    /**
     * {@code renewal}: the list for renewing a card, whatever its ground (R431-5 CESEDA), with the
     * integration conditions of a first multi-year card since 1 January 2026 (L433-4: French at A2 and
     * the civic exam, décret n° 2025-647).
     */
    record Catalog(String about, Map<String, Piece> pieces, Map<String, GroundList> grounds, GroundList renewal) {
        Catalog(String about, Map<String, Piece> pieces, Map<String, GroundList> grounds) {
            this(about, pieces, grounds, null);
        }
    }

    /** One line of a ground's checklist: the piece's definition and whether the ground requires it. */
    record Entry(String code, Piece piece, boolean required, String when, String whenFr, String requiredIf) {

        /** Required also when {@link #requiredIf} holds: the other piece is recorded as that kind. */
        Entry given(java.util.function.Function<String, String> recordedVariant) {
            if (required || requiredIf == null) {
                return this;
            }
            String[] condition = requiredIf.split(":", 2);
            return condition[1].equals(recordedVariant.apply(condition[0]))
                    ? new Entry(code, piece, true, when, whenFr, requiredIf)
                    : this;
        }
    }

    private final Map<Ground, List<Entry>> lists = new EnumMap<>(Ground.class);
    private final java.util.Set<String> health;
    private final Map<Ground, String> sources = new EnumMap<>(Ground.class);
    private final List<Entry> renewal;
    private final String renewalSource;

    @Autowired
    ChecklistCatalog(ObjectMapper json) {
        this(load(json));
    }

    ChecklistCatalog(Catalog catalog) {
        health = catalog.pieces().entrySet().stream()
                .filter(piece -> piece.getValue().health())
                .map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        List<String> faults = new ArrayList<>();
        for (Ground ground : Ground.values()) {
            GroundList list = catalog.grounds().get(ground.article());
            if (list == null) {
                faults.add("no checklist for " + ground.article());
                continue;
            }
            lists.put(ground, entries(catalog, list, ground.article(), faults));
            sources.put(ground, list.source());
        }
        if (catalog.renewal() == null) {
            renewal = List.of();
            renewalSource = null;
        } else {
            renewal = entries(catalog, catalog.renewal(), "renewal", faults);
            renewalSource = catalog.renewal().source();
        }
        if (!faults.isEmpty()) {
            throw new IllegalStateException("Invalid " + RESOURCE + ": " + String.join("; ", faults));
        }
    }

    private static List<Entry> entries(Catalog catalog, GroundList list, String name, List<String> faults) {
        List<Entry> entries = new ArrayList<>();
        for (Item item : list.items()) {
            Piece piece = catalog.pieces().get(item.piece());
            if (piece == null) {
                faults.add(name + ": unknown piece " + item.piece());
            } else if (item.fromYear() != null && item.toYear() != null) {
                for (int year = item.fromYear(); year <= item.toYear(); year++) {
                    entries.add(new Entry(
                            item.piece() + "-" + year,
                            yearOf(piece, year),
                            item.mandatory(),
                            item.when(),
                            item.whenFr(),
                            item.requiredIf()));
                }
            } else {
                entries.add(new Entry(
                        item.piece(), piece, item.mandatory(), item.when(), item.whenFr(), item.requiredIf()));
            }
        }
        for (Item item : list.items()) {
            if (item.when() != null && item.whenFr() == null) {
                faults.add(name + ": " + item.piece() + " has a condition without its French wording (whenFr)");
            }
            if (item.requiredIf() != null && !knownVariant(catalog, list, item.requiredIf())) {
                faults.add(name + ": " + item.piece() + " requiredIf names no variant of a listed piece: "
                        + item.requiredIf());
            }
        }
        return List.copyOf(entries);
    }

    /** The piece for one year of presence: year 1 is the 12 months before the filing. */
    private static Piece yearOf(Piece piece, int year) {
        return new Piece(
                piece.label() + " (year " + year + " before the filing)",
                piece.labelFr() + " (année " + year + " avant le dépôt)",
                piece.stage(),
                piece.civilStatus(),
                piece.validMonths(),
                piece.variants(),
                piece.sealedForOfii(),
                piece.legalisation(),
                piece.health());
    }

    private static boolean knownVariant(Catalog catalog, GroundList list, String requiredIf) {
        String[] condition = requiredIf.split(":", 2);
        Piece other = catalog.pieces().get(condition[0]);
        return condition.length == 2
                && other != null
                && other.variant(condition[1]).isPresent()
                && list.items().stream().anyMatch(item -> item.piece().equals(condition[0]));
    }

    List<Entry> of(Ground ground) {
        return lists.get(ground);
    }

    String source(Ground ground) {
        return sources.get(ground);
    }

    /**
     * The list for renewing a card (whatever the ground): the card, the proofs that the ground still
     * holds, and for a first multi-year card since 1 January 2026 the CIR, French at A2 and the civic
     * exam (L433-4 CESEDA; décret n° 2025-647). Empty when the catalog has none.
     */
    List<Entry> renewal() {
        return renewal;
    }

    /** The texts the renewal list comes from, or null. */
    String renewalSource() {
        return renewalSource;
    }

    /** The ground's articles and, when the catalog has one, {@code renewal}: the lists a prefecture kit adjusts. */
    @Override
    public List<String> lists() {
        List<String> names =
                new ArrayList<>(lists.keySet().stream().map(Ground::article).toList());
        if (!renewal.isEmpty()) {
            names.add(RENEWAL);
        }
        return List.copyOf(names);
    }

    @Override
    public Optional<List<CataloguePiece>> pieces(String list) {
        List<Entry> entries = RENEWAL.equals(list)
                ? (renewal.isEmpty() ? null : renewal)
                : lists.entrySet().stream()
                        .filter(e -> e.getKey().article().equals(list))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
        return Optional.ofNullable(entries)
                .map(found -> found.stream()
                        .map(entry -> new CataloguePiece(
                                entry.code(),
                                entry.piece().labelFr(),
                                entry.piece().label(),
                                entry.required()))
                        .toList());
    }

    /** Whether the catalogue marks this piece as medical (health data): a piece a kit adds never is. */
    boolean health(String piece) {
        return health.contains(piece);
    }

    /** The name of the renewal list in a prefecture kit. */
    static final String RENEWAL = "renewal";

    Optional<Entry> entry(Ground ground, String piece) {
        return of(ground).stream().filter(entry -> entry.code().equals(piece)).findFirst();
    }

    private static Catalog load(ObjectMapper json) {
        try (InputStream in = ChecklistCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return json.copy()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false) // absent flags are false
                    .readValue(in, Catalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + RESOURCE, e);
        }
    }
}
