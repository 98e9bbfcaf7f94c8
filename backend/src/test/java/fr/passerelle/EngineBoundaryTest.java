package fr.passerelle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is procedure's (docs/architecture.md): every other module asks procedure's public API
 * (CaseProcesses, CaseTasks, BackgroundJobs, the Clock bean) or implements one of the ports it reads.
 * The models' own beans (fr.passerelle.processes, a jar of their own) are the engine's side and stay out.
 */
@AnalyzeClasses(
        packages = "fr.passerelle",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class EngineBoundaryTest {

    @ArchTest
    static final ArchRule onlyProcedureKnowsTheEngine = noClasses()
            .that()
            .resideOutsideOfPackage("fr.passerelle.procedure..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.camunda..")
            .because("the engine belongs to procedure: other modules use its API or its events");
}
