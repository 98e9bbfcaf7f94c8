package fr.passerelle.demo;

import fr.passerelle.cases.CaseFiles;
import fr.passerelle.cases.Ground;
import fr.passerelle.security.Role;
import fr.passerelle.tenancy.Association;
import fr.passerelle.tenancy.AssociationRepository;
import fr.passerelle.tenancy.AssociationScope;
import fr.passerelle.tenancy.CurrentAssociation;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo data for {@code infra/run.sh} (profile {@code demo}): the associations of the demo realm
 * ({@code infra/keycloak/passerelle-realm.json}) and a few cases each. Runs once: an
 * association that already exists is left as it is.
 */
@Component
@Profile("demo")
@org.springframework.core.annotation.Order(10)
class DemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoCase(String applicant, Ground ground) {}

    record DemoAssociation(String slug, String name, String department, List<DemoCase> cases) {}

    static final List<DemoAssociation> ASSOCIATIONS = List.of(
            new DemoAssociation(
                    "accueil-lyon",
                    "Accueil Étrangers Lyon",
                    "69",
                    List.of(
                            new DemoCase("Amina Diallo", Ground.L435_1),
                            new DemoCase("Youssef Benali", Ground.L423_23),
                            new DemoCase("Grace Okafor", Ground.L425_1),
                            new DemoCase("Tenzin Dolma", Ground.L425_9))),
            new DemoAssociation(
                    "droits-marseille",
                    "Droits Devant Marseille",
                    "13",
                    List.of(
                            new DemoCase("Mamadou Sow", Ground.L423_7),
                            new DemoCase("Lina Haddad", Ground.L423_1),
                            new DemoCase("Arben Krasniqi", Ground.L435_1))),
            new DemoAssociation(
                    "solidarite-lille",
                    "Solidarité Exilés Lille",
                    "59",
                    List.of(
                            new DemoCase("Fatoumata Keita", Ground.L423_22),
                            new DemoCase("Ahmad Rahimi", Ground.L423_21),
                            new DemoCase("Rosa Mendes", Ground.L435_4))));

    private final AssociationRepository associations;
    private final CaseFiles cases;
    private final AssociationScope scope;

    DemoData(AssociationRepository associations, CaseFiles cases, AssociationScope scope) {
        this.scope = scope;
        this.associations = associations;
        this.cases = cases;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoAssociation demo : ASSOCIATIONS) {
            if (associations.existsById(demo.slug())) {
                continue;
            }
            associations.save(new Association(demo.slug(), demo.name()));
            scope.call(new CurrentAssociation(demo.slug(), Set.of(Role.COORDINATOR)), () -> {
                demo.cases().forEach(c -> cases.open(c.applicant(), c.ground(), demo.department()));
                return null;
            });
            log.info(
                    "Demo association {} created with {} cases",
                    demo.slug(),
                    demo.cases().size());
        }
    }
}
