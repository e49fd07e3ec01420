package io.railcast.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The demo network is generated from the domain alone, so the server, the benchmarks and tests all share it. */
@AnalyzeClasses(packages = "io.railcast.demo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule demoDependsOnTheDomainOnly = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "io.railcast.server..", "io.railcast.agent..", "io.railcast.bench..")
            .because("the generator is plain Java over the domain model; its users wire it in");
}
