package io.railcast.server;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.ConstructorCallTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.railcast.server.system.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;

/**
 * The server is packaged by feature: each top-level package under {@code io.railcast.server} (agent, audit, campaign,
 * console, creative, demo, network, planning, report, system, user) owns its tables, and the features depend on each
 * other without cycles. Problems become HTTP answers at the web edge only.
 */
@AnalyzeClasses(packages = "io.railcast.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.railcast.server.";

    /** A repository: named so, or talking to the database through R2DBC's {@link DatabaseClient}. */
    static final DescribedPredicate<JavaClass> REPOSITORIES = DescribedPredicate.describe(
            "are repositories (named *Repository or using DatabaseClient)",
            c -> c.getSimpleName().endsWith("Repository")
                    || c.getDirectDependenciesFromSelf().stream()
                            .anyMatch(d -> d.getTargetClass().isEquivalentTo(DatabaseClient.class)));

    /**
     * Below the web edge, where a request becomes a response (controllers, their advice, web filters and exception
     * handlers, the security chain's handlers, and ApiProblem itself).
     */
    static final DescribedPredicate<JavaClass> BELOW_THE_WEB_EDGE = DescribedPredicate.describe(
            "are below the web edge (not controllers, controller advice, web filters or handlers, security handlers)",
            c -> !isAtTheWebEdge(topLevel(c)));

    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyInTheirFeature = classes()
            .that(REPOSITORIES)
            .should(beUsedOnlyWithinTheirFeature())
            .because("a feature owns its tables; other features ask its services");

    @ArchTest
    static final ArchRule onlyTheWebEdgeConstructsOrThrowsApiProblem = noClasses()
            .that(BELOW_THE_WEB_EDGE)
            .should(constructOrThrowApiProblem())
            .because("features signal failures in their own terms; the web edge turns them into HTTP answers");

    /**
     * The history is written by every feature, inside each one's transactions; so it may know none of them (only
     * system), or a feature's change could not be recorded without a cycle.
     */
    @ArchTest
    static final ArchRule auditCallsNoOtherFeature = noClasses()
            .that()
            .resideInAPackage(ROOT + "audit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(Stream.of(
                            "agent", "campaign", "console", "creative", "demo", "network", "planning", "report", "user")
                    .map(feature -> ROOT + feature + "..")
                    .toArray(String[]::new))
            .because("every feature records its changes in the history, which calls none of them back");

    @ArchTest
    static final ArchRule featuresHaveNoCycles =
            slices().matching(ROOT + "(*)..").should().beFreeOfCycles();

    private static ArchCondition<JavaClass> beUsedOnlyWithinTheirFeature() {
        return new ArchCondition<>("be used only within their own feature") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (!feature(user).equals(feature(repository))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> constructOrThrowApiProblem() {
        return new ArchCondition<>("construct or throw ApiProblem") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                List<JavaCall<?>> calls = new ArrayList<>(javaClass.getConstructorCallsFromSelf());
                calls.addAll(javaClass.getMethodCallsFromSelf());
                for (JavaCall<?> call : calls) {
                    if (call.getTargetOwner().isEquivalentTo(ApiProblem.class) && constructs(call)) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
                for (JavaCodeUnit codeUnit : javaClass.getCodeUnits()) {
                    if (codeUnit.getThrowsClause().containsType(ApiProblem.class)) {
                        events.add(SimpleConditionEvent.satisfied(
                                codeUnit, codeUnit.getFullName() + " throws ApiProblem"));
                    }
                }
            }
        };
    }

    /** A constructor call, or one of the static factories that answer a new ApiProblem. */
    private static boolean constructs(JavaCall<?> call) {
        return call.getTarget() instanceof ConstructorCallTarget
                || call.getTarget().getRawReturnType().isEquivalentTo(ApiProblem.class);
    }

    private static boolean isAtTheWebEdge(JavaClass c) {
        return c.isEquivalentTo(ApiProblem.class)
                || metaAnnotatedWith(Controller.class).test(c)
                || metaAnnotatedWith(ControllerAdvice.class).test(c)
                || Stream.of(
                                WebFilter.class,
                                WebExceptionHandler.class,
                                ServerAuthenticationEntryPoint.class,
                                ServerAccessDeniedHandler.class,
                                ServerAuthenticationFailureHandler.class)
                        .anyMatch(c::isAssignableTo);
    }

    /** The feature a class belongs to: the first package under io.railcast.server ("" for the application class). */
    static String feature(JavaClass c) {
        String relative = name(c);
        int dot = relative.indexOf('.');
        return dot < 0 ? "" : relative.substring(0, dot);
    }

    /** The top-level class's name relative to io.railcast.server, e.g. "campaign.CampaignService". */
    static String name(JavaClass c) {
        String name = topLevel(c).getName();
        return name.startsWith(ROOT) ? name.substring(ROOT.length()) : name;
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
