package org.socialmedia.cqrs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.socialmedia.cqrs", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreIsFrameworkFreeTest {

    @ArchTest
    static final ArchRule coreUsesNoFramework = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                    "jakarta.persistence..", "tools.jackson..", "com.fasterxml.jackson..")
            .because("cqrs-core holds the building blocks only; adapters live in the services");
}
