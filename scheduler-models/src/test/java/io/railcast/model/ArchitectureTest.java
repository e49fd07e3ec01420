package io.railcast.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The model is plain Java that the server and the tools build on: it knows neither Spring nor the modules that use it,
 * and its packages depend on each other without cycles.
 */
@AnalyzeClasses(packages = "io.railcast.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelKnowsNoSpring = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("the model is solved and tested without a container, and runs in tools that have none");

    @ArchTest
    static final ArchRule modelKnowsNotItsUsers = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.railcast.server..", "io.railcast.agent..")
            .because("the server and the agent build on the model, never the other way round");

    @ArchTest
    static final ArchRule modelPackagesHaveNoCycles =
            slices().matching("io.railcast.model.(*)..").should().beFreeOfCycles();
}
