package org.socialmedia.post.cmd.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.socialmedia", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoFramework = noClasses().that().resideInAnyPackage("org.socialmedia.post.cmd.domain..",
                    "org.socialmedia.cqrs..", "org.socialmedia.post.common.event..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "jakarta.persistence..", "tools.jackson..")
            .because("the domain decides; adapters at the edge talk to frameworks");

    @ArchTest
    static final ArchRule commandSideNeverUsesTheQuerySide = noClasses().that().resideInAPackage("org.socialmedia.post.cmd..")
            .should().dependOnClassesThat().resideInAPackage("org.socialmedia.post.query..");

    @ArchTest
    static final ArchRule onlyTheEdgeKnowsHttp = noClasses().that().resideOutsideOfPackage("org.socialmedia.post.cmd.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule applicationDoesNotReachIntoAdapters = noClasses().that().resideInAPackage("org.socialmedia.post.cmd.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.socialmedia.post.cmd.eventstore..",
                    "org.socialmedia.post.cmd.publication..", "org.socialmedia.post.cmd.api..", "com.mongodb..", "org.apache.kafka..");
}
