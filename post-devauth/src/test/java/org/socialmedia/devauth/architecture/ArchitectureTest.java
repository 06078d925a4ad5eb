package org.socialmedia.devauth.architecture;

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

    private static final String PROVIDER = "org.socialmedia.devauth..";

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.socialmedia.devauth.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingDependsOnAFeaturesWiring = classes().that().areAnnotatedWith(Configuration.class)
            .and().resideInAPackage(PROVIDER)
            .should().notBePublic().andShould(beUsedOnlyInTheirOwnPackage())
            .because("a feature offers its beans, not the configuration that makes them");

    @ArchTest
    static final ArchRule theProviderKnowsNothingOfPosts = noClasses().that().resideInAPackage(PROVIDER)
            .should().dependOnClassesThat().resideInAPackage("org.socialmedia.post..")
            .because("the services trust any OpenID provider; this one is a stand-in that must stay replaceable");

    @ArchTest
    static final ArchRule usersKnowNoProtocol = noClasses().that().resideInAPackage("..devauth.users..")
            .should().dependOnClassesThat().resideInAnyPackage("..devauth.server..", "..devauth.token..",
                    "org.springframework.security.oauth2..", "org.springframework.web..")
            .because("who the users are and what they may hold does not depend on how their tokens are issued");

    @ArchTest
    static final ArchRule theDevEndpointsStandApart = noClasses().that().resideInAPackage("..devauth.server..")
            .should().dependOnClassesThat().resideInAPackage("..devauth.token..")
            .because("the protocol endpoints work the same with the dev token endpoints removed");

    @ArchTest
    static final ArchRule controllersStayInTheirFeature = classes().that().areAnnotatedWith(RestController.class)
            .should().notBePublic()
            .because("a route is reached over HTTP, not called");

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
