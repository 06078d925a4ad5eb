package org.socialmedia.post.cmd.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;

/** The shape both services share: feature packages without cycles, private wiring, a domain that knows no framework. */
@AnalyzeClasses(packages = "org.socialmedia", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String SERVICE = "org.socialmedia.post.cmd";
    private static final String DOMAIN = SERVICE + ".domain..";
    private static final String WEB = SERVICE + ".web..";
    private static final String[] FRAMEWORKS = {"org.springframework..", "jakarta..", "com.mongodb..", "org.bson..",
            "org.apache.kafka..", "io.micrometer.."};

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching(SERVICE + ".(*)..").should().beFreeOfCycles()
            .because("a feature that needs another's work declares a port the other implements");

    /** A sub-package counts on its own, so that one cannot import its parent while the parent imports it. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching(SERVICE + ".(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule wiringIsPackagePrivate = classes().that().resideInAPackage(SERVICE + "..")
            .and().areAnnotatedWith(Configuration.class)
            .should().bePackagePrivate();

    @ArchTest
    static final ArchRule nothingImportsAServicesWiring = classes().that().resideInAPackage(SERVICE + "..")
            .and(annotatedWith(Configuration.class).or(annotatedWith(SpringBootApplication.class)))
            .should(beUsedOnlyInTheirOwnPackage())
            .because("features meet through beans and ports, so one feature's wiring can change without the others");

    @ArchTest
    static final ArchRule beansAreMadeByTheirFeaturesConfiguration = noClasses().that().resideInAPackage(SERVICE + "..")
            .should().beAnnotatedWith(Component.class)
            .orShould().beAnnotatedWith(Service.class)
            .orShould().beAnnotatedWith(Repository.class)
            .because("each feature's @Configuration makes its beans; scanning finds only controllers and the advice");

    @ArchTest
    static final ArchRule theApplicationPackageHoldsOnlyTheApplication = classes().that().resideInAPackage(SERVICE)
            .should().beAnnotatedWith(SpringBootApplication.class);

    @ArchTest
    static final ArchRule theHttpEdgeKnowsNoFeature = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat(resideInAPackage(SERVICE + "..").and(resideOutsideOfPackages(WEB, DOMAIN)))
            .because("a feature's own refusals carry their status, so the advice maps only the domain's");

    @ArchTest
    static final ArchRule domainKnowsOnlyTheCoreAndTheEvents = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "org.socialmedia.cqrs..",
                    "org.socialmedia.post.common.event..", "java..", "org.jspecify..")
            .because("the aggregate decides; features at the edge talk to frameworks");

    @ArchTest
    static final ArchRule sharedDomainKnowsNoFramework = noClasses().that()
            .resideInAnyPackage("org.socialmedia.cqrs..", "org.socialmedia.post.common.event..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .orShould().dependOnClassesThat().resideInAPackage("tools.jackson..");

    @ArchTest
    static final ArchRule wireKnowsOnlyJson = noClasses().that().resideInAPackage("org.socialmedia.post.common.wire..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("every reader of the topic, a tool included, decodes events without a framework");

    @ArchTest
    static final ArchRule commandSideNeverUsesTheQuerySide = noClasses().that().resideInAPackage(SERVICE + "..")
            .should().dependOnClassesThat().resideInAPackage("org.socialmedia.post.query..");

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only in their own package") {
            @Override
            public void check(JavaClass wiring, ConditionEvents events) {
                wiring.getDirectDependenciesToSelf().stream()
                        .filter(dependency -> !dependency.getOriginClass().getPackageName().equals(wiring.getPackageName()))
                        .forEach(dependency -> events.add(violated(dependency, dependency.getDescription())));
            }
        };
    }
}
