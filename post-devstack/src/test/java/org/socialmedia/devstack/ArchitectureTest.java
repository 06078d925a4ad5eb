package org.socialmedia.devstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.socialmedia.devstack", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theStackRunsTheServicesAsTheyShip = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.socialmedia.post..", "org.springframework..")
            .because("the devstack starts the services' jars as child processes and knows nothing of their code");
}
