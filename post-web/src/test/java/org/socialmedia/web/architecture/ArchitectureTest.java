package org.socialmedia.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "org.socialmedia.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.socialmedia.web.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule configurationsAreNotPublic = classes().that().areAnnotatedWith(Configuration.class)
            .should().notBePublic()
            .because("a feature offers its beans, not the configuration that makes them");

    @ArchTest
    static final ArchRule controllersStayInTheirFeature = classes().that().areAnnotatedWith(RestController.class)
            .should().notBePublic()
            .because("a route is reached over HTTP, not called");

    @ArchTest
    static final ArchRule theAppKnowsTheServicesOnlyOverHttp = noClasses().that().resideInAPackage("org.socialmedia.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.socialmedia.post..", "org.socialmedia.cqrs..")
            .because("the app is a client of the services' HTTP APIs, like any other frontend");
}
