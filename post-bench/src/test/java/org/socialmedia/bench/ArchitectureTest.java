package org.socialmedia.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.socialmedia.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theBenchmarkMeasuresFromOutside = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.socialmedia.post.cmd..", "org.socialmedia.post.query..",
                    "org.springframework..", "org.testcontainers..", "org.socialmedia.infra.test..")
            .because("it measures the pair as a client sees it; its jar leaves the test infrastructure out");
}
