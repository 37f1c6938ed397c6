package io.github.dbtestkit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of STYLE.md, kept honest: core ← schema-validation ← extension, nothing calls back up, core knows no
 * JUnit, the extension's API types never reach into internals, the facades of core and schema-validation show no
 * internal type in a public signature, every public type carries {@code @API}, and internal packages form no cycles.
 */
class ArchitectureTest {

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.dbtestkit");

    static final String[] EXTENSION = {"io.github.dbtestkit", "io.github.dbtestkit.internal.."};
    static final String[] USER_API = {"io.github.dbtestkit"};
    /** API packages that are facades over their module's internals: their signatures must not show them. */
    static final String[] FACADES = {"io.github.dbtestkit.core", "io.github.dbtestkit.schema", "io.github.dbtestkit.schema.baseline",
            "io.github.dbtestkit.schema.cli", "io.github.dbtestkit.schema.tools", "io.github.dbtestkit.core.naming"};

    @Test
    void eachLayerCallsOnlyTheLayersBelowIt() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("io.github.dbtestkit.core..")
                .layer("schema-validation").definedBy("io.github.dbtestkit.schema..")
                .layer("extension").definedBy(EXTENSION)
                .whereLayer("extension").mayNotBeAccessedByAnyLayer()
                .whereLayer("schema-validation").mayOnlyBeAccessedByLayers("extension")
                .whereLayer("core").mayOnlyBeAccessedByLayers("schema-validation", "extension");
        layers.check(PRODUCTION);
    }

    @Test
    void coreAndSchemaValidationKnowNoJUnit() {
        noClasses().that().resideInAnyPackage("io.github.dbtestkit.core..", "io.github.dbtestkit.schema..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..")
                .check(PRODUCTION);
    }

    @Test
    void publicTypesOfTheUsersApiDependOnNoInternalType() {
        classes().that().resideInAnyPackage(USER_API).and().arePublic()
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("..internal..")
                .check(PRODUCTION);
    }

    /** A facade hands out and takes in types of its own, never an internal type. */
    @Test
    void facadesExposeNoInternalTypeInTheirSignatures() {
        noMembers().that().areDeclaredInClassesThat().resideInAnyPackage(FACADES).and().areDeclaredInClassesThat().arePublic()
                .and().arePublic()
                .should(exposeAnInternalType())
                .check(PRODUCTION);
    }

    private static ArchCondition<JavaMember> exposeAnInternalType() {
        return new ArchCondition<>("expose a type of an internal package") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                List<JavaClass> exposed = new ArrayList<>();
                if (member instanceof JavaField field) {
                    exposed.add(field.getRawType());
                } else if (member instanceof JavaCodeUnit unit) {
                    exposed.add(unit.getRawReturnType());
                    exposed.addAll(unit.getRawParameterTypes());
                }
                exposed.stream().filter(type -> type.getPackageName().contains(".internal"))
                        .forEach(type -> events.add(SimpleConditionEvent.satisfied(member,
                                member.getFullName() + " exposes " + type.getName())));
            }
        };
    }

    @Test
    void internalPackagesHaveNoCycles() {
        slices().matching("io.github.dbtestkit.(*).internal.(**)").should().beFreeOfCycles().check(PRODUCTION);
        slices().matching("io.github.dbtestkit.internal.(**)").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void everyPublicTypeSaysHowStableItIs() {
        classes().that().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(API.class)
                .check(PRODUCTION);
    }
}
