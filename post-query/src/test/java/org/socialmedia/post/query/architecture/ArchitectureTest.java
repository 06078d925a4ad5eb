package org.socialmedia.post.query.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.socialmedia.post.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule queryServiceNeverDependsOnTheCommandService = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.socialmedia.post.cmd..")
            .because("the services only share the event contract in post-common");

    @ArchTest
    static final ArchRule lookupsKnowNothingOfKafka = noClasses()
            .that().resideInAnyPackage("..query.web..", "..query.lookup..", "..query.readmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
            .because("lookups read the tables; only the projection consumes the stream");

    @ArchTest
    static final ArchRule theWebEdgeAsksQueriesNotTables = noClasses()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().dependOnClassesThat().resideInAnyPackage("..query.readmodel..", "..query.projection..")
            .because("the controller goes through the query dispatcher");

    @ArchTest
    static final ArchRule theProjectionServesNoRequests = noClasses()
            .that().resideInAPackage("..query.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.web..", "..query.lookup..",
                    "org.springframework.web..")
            .because("writing the read model and answering lookups are separate concerns");
}
