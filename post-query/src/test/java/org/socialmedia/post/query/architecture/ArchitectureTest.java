package org.socialmedia.post.query.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "org.socialmedia", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String SERVICE = "org.socialmedia.post.query..";

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.socialmedia.post.query.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule subPackagesDoNotTalkBackToTheirParent = slices().matching("org.socialmedia.post.query.(**)")
            .should().beFreeOfCycles()
            .because("a sub-package such as projection.monitor may use its parent, but not be used by it as well");

    @ArchTest
    static final ArchRule nothingDependsOnAFeaturesWiring = classes().that().areAnnotatedWith(Configuration.class)
            .and().resideInAPackage(SERVICE)
            .should().notBePublic().andShould(beUsedOnlyInTheirOwnPackage())
            .because("a feature offers its beans, not the configuration that makes them");

    @ArchTest
    static final ArchRule theContractKnowsNoFramework = noClasses()
            .that().resideInAnyPackage("org.socialmedia.cqrs..", "org.socialmedia.post.common.event..",
                    "org.socialmedia.post.common.wire..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "jakarta.persistence..", "org.hibernate..", "com.mongodb..", "org.bson..")
            .because("the events and their building blocks are what both services share, whatever carries them");

    @ArchTest
    static final ArchRule queryServiceNeverDependsOnTheCommandService = noClasses().that().resideInAPackage(SERVICE)
            .should().dependOnClassesThat().resideInAPackage("org.socialmedia.post.cmd..")
            .because("the services only share the event contract in post-common");

    @ArchTest
    static final ArchRule onlyTheReadModelTouchesTheTables = noClasses()
            .that().resideInAPackage(SERVICE).and().resideOutsideOfPackage("..query.readmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "jakarta.persistence..",
                    "org.springframework.data.jpa..", "org.hibernate..")
            .because("every read and write of the read tables has one owner");

    @ArchTest
    static final ArchRule lookupsKnowNothingOfKafka = noClasses()
            .that().resideInAnyPackage("..query.web..", "..query.lookup..", "..query.readmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
            .because("lookups read the tables; only the projection consumes the stream");

    @ArchTest
    static final ArchRule controllersAskQueriesNotTables = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAnyPackage("..query.readmodel..", "..query.projection..")
            .because("the routes go through the query dispatcher");

    @ArchTest
    static final ArchRule theProjectionServesNoRequests = noClasses().that().resideInAPackage("..query.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.web..", "..query.lookup..", "..query.deadletter..",
                    "org.springframework.web..")
            .because("writing the read model and answering requests are separate concerns");

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only in their own package") {
            @Override
            public void check(JavaClass configuration, ConditionEvents events) {
                for (Dependency dependency : configuration.getDirectDependenciesToSelf()) {
                    if (!dependency.getOriginClass().getPackageName().equals(configuration.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
