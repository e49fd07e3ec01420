package io.railcast.agent.protocol;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The protocol is what the agent and the fleet simulator share: messages and their readers, nothing that talks to
 * the network or the disk, and nothing of either user.
 */
@AnalyzeClasses(packages = "io.railcast.agent.protocol", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule protocolDoesNoInputOrOutput = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.net..", "java.nio.file..", "java.nio.channels..")
            .because("the agent and the simulator do their own I/O; the protocol only says what the bytes mean");

    @ArchTest
    static final ArchRule protocolKnowsNeitherItsUsersNorSpring = noClasses()
            .should()
            .dependOnClassesThat(resideInAnyPackage("io.railcast..", "org.springframework..")
                    .and(not(resideInAPackage("io.railcast.agent.protocol.."))))
            .because("both the agent and the simulator depend on the protocol, never the other way round");
}
