package org.socialmedia.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = {"org.socialmedia.testsupport", "org.socialmedia.infra.test"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.socialmedia.(*).(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theBenchmarkRunsWithoutTheTestInfrastructure = noClasses()
            .that().resideInAnyPackage("org.socialmedia.testsupport..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.testcontainers..",
                    "org.socialmedia.infra..")
            .because("post-bench runs the client and the audit without Spring, Testcontainers or the embedded servers");

    @ArchTest
    static final ArchRule theServicesAreTestedFromOutside = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.socialmedia.post.cmd..", "org.socialmedia.post.query..")
            .because("every test module shares this support, so it knows only the contract in post-common");
}
