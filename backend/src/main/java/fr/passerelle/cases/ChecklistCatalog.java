package fr.passerelle.cases;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * (data, with the seed each list comes from). Checked at start-up: every ground has a list and
 * every item names a known piece, so a typo in the data stops the service rather than a filing.
 */
@Component
class ChecklistCatalog {
    static final String RESOURCE = "/checklists/checklists.json";

    enum Stage { FILING, DELIVERY }

    record Variant(String code, String label, Integer validMonths) {
    }

    record Piece(String label, String labelFr, Stage stage, boolean civilStatus, Integer validMonths,
                 List<Variant> variants) {
        Piece {
            stage = stage == null ? Stage.FILING : stage;
            variants = variants == null ? List.of() : List.copyOf(variants);
        }

        Optional<Variant> variant(String code) {
            return variants.stream().filter(v -> v.code().equals(code)).findFirst();
        }
    }

    record Item(String piece, Boolean required, String when) {
        boolean mandatory() {
            return required == null || required;
        }
    }

    record GroundList(String source, List<Item> items) {
    }

    record Catalog(String about, Map<String, Piece> pieces, Map<String, GroundList> grounds) {
    }

    /** One line of a ground's checklist: the piece's definition and whether the ground requires it. */
    record Entry(String code, Piece piece, boolean required, String when) {
    }

    private final Map<Ground, List<Entry>> lists = new EnumMap<>(Ground.class);
    private final Map<Ground, String> sources = new EnumMap<>(Ground.class);

    @Autowired
    ChecklistCatalog(ObjectMapper json) {
        this(load(json));
    }

    ChecklistCatalog(Catalog catalog) {
        List<String> faults = new ArrayList<>();
        for (Ground ground : Ground.values()) {
            GroundList list = catalog.grounds().get(ground.article());
            if (list == null) {
                faults.add("no checklist for " + ground.article());
                continue;
            }
            List<Entry> entries = new ArrayList<>();
            for (Item item : list.items()) {
                Piece piece = catalog.pieces().get(item.piece());
                if (piece == null) {
                    faults.add(ground.article() + ": unknown piece " + item.piece());
                } else {
                    entries.add(new Entry(item.piece(), piece, item.mandatory(), item.when()));
                }
            }
            lists.put(ground, List.copyOf(entries));
            sources.put(ground, list.source());
        }
        if (!faults.isEmpty()) {
            throw new IllegalStateException("Invalid " + RESOURCE + ": " + String.join("; ", faults));
        }
    }

    List<Entry> of(Ground ground) {
        return lists.get(ground);
    }

    String source(Ground ground) {
        return sources.get(ground);
    }

    Optional<Entry> entry(Ground ground, String piece) {
        return of(ground).stream().filter(entry -> entry.code().equals(piece)).findFirst();
    }

    private static Catalog load(ObjectMapper json) {
        try (InputStream in = ChecklistCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false) // absent flags are false
                    .readValue(in, Catalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + RESOURCE, e);
        }
    }
}
