package org.socialmedia.infra.embedded;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.socialmedia.infra", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theServersNeedNoFrameworkNorTests = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.testcontainers..",
                    "org.junit..", "org.socialmedia.post..")
            .because("the devstack runs these servers as they are; what tests add lives in test-support");
}
