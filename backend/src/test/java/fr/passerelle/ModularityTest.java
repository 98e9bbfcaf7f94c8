package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages (docs/architecture.md) stay modules: no cycle between them, none reaches into
 * another's internal sub-package, and each depends only on the modules its package-info allows
 * ({@code @ApplicationModule(allowedDependencies)}). Their documentation (docs/modules/, Modulith's
 * Documenter) is kept in step: after a change of the modules, write it again with
 * {@code -Dpasserelle.modules.write=true} on this test and commit it.
 */
class ModularityTest {
    private static final ApplicationModules MODULES = ApplicationModules.of(PasserelleApplication.class);
    private static final Path COMMITTED = Path.of("../docs/modules");

    @Test
    void theFeaturePackagesDependOnlyOnWhatTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void theCommittedModuleDocumentationIsTheGeneratedOne(@TempDir Path generated) throws IOException {
        boolean write = Boolean.getBoolean("passerelle.modules.write");
        Path into = write ? COMMITTED : generated;
        if (write) {
            try (Stream<Path> old = Files.list(COMMITTED)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            } catch (java.nio.file.NoSuchFileException absent) {
                Files.createDirectories(COMMITTED);
            }
        }
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(into.toString())).writeDocumentation();
        // the Documenter writes a diagram's relations in no fixed order: compared as sorted lines
        assertThat(contents(COMMITTED)).isEqualTo(contents(generated.equals(into) ? generated : COMMITTED));
    }

    private static Map<String, List<String>> contents(Path folder) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(folder)) {
            for (Path file : all.toList()) {
                files.put(
                        file.getFileName().toString(),
                        Files.readAllLines(file).stream().sorted().toList());
            }
        }
        return files;
    }
}
