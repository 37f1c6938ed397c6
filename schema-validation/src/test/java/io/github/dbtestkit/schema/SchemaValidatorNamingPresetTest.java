package io.github.dbtestkit.schema;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.schema.support.TestDb;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code dbtestkit.naming=spring-boot} in {@code SchemaValidator.withHibernateProperties}: Boot's whole naming. */
class SchemaValidatorNamingPresetTest {

    /** Spring Boot style: camelCase, no names, a join table Boot calls vet_specialties (JPA: vet_specialty). */
    @Entity(name = "Vet")
    static class Vet {
        @Id
        Long id;
        String firstName;
        @ManyToMany
        Set<Specialty> specialties;
    }

    @Entity(name = "Specialty")
    static class Specialty {
        @Id
        Long id;
        String name;
    }

    private static final String SCHEMA = """
            create table vet (id bigint not null primary key, first_name varchar(255));
            create table specialty (id bigint not null primary key, name varchar(255));
            create table vet_specialties (vet_id bigint not null references vet (id),
                specialties_id bigint not null references specialty (id), primary key (vet_id, specialties_id));
            """;

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void theSpringBootPresetValidatesABootSchemaClean(EngineKind engine) {
        try (TestDb db = TestDb.create(engine)) {
            db.execute(SCHEMA);

            SchemaReport report = SchemaValidator.forEntities(Vet.class, Specialty.class)
                    .withHibernateProperties(Map.of("dbtestkit.naming", "spring-boot"))
                    .against(db.dataSource()).validate();

            assertThat(report.differences()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void theSnakeCaseStrategyAloneLooksForJpasJoinTable(EngineKind engine) {
        try (TestDb db = TestDb.create(engine)) {
            db.execute(SCHEMA);

            SchemaReport report = SchemaValidator.forEntities(Vet.class, Specialty.class)
                    .withHibernateProperties(Map.of("hibernate.physical_naming_strategy",
                            "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl"))
                    .against(db.dataSource()).validate();

            assertThat(report.differences()).filteredOn(d -> d.kind() == DifferenceKind.MISSING_TABLE)
                    .extracting(d -> d.table().toLowerCase(java.util.Locale.ROOT)).containsExactly("vet_specialty");
        }
    }

    @Test
    void anExplicitImplicitStrategyWinsOverThePreset() {
        try (TestDb db = TestDb.create(EngineKind.H2)) {
            db.execute(SCHEMA);

            SchemaReport report = SchemaValidator.forEntities(Vet.class, Specialty.class)
                    .withHibernateProperties(Map.of("dbtestkit.naming", "spring-boot",
                            "hibernate.implicit_naming_strategy", "jpa"))
                    .against(db.dataSource()).validate();

            assertThat(report.differences()).extracting(Difference::kind).contains(DifferenceKind.MISSING_TABLE)
                    .doesNotContain(DifferenceKind.MISSING_COLUMN);
        }
    }

    @Test
    void anUnknownPresetIsRefusedWithTheAcceptedValues() {
        assertThatThrownBy(() -> SchemaValidator.forEntities(Vet.class)
                .withHibernateProperties(Map.of("dbtestkit.naming", "boot")))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("dbtestkit.naming=boot in SchemaValidator.withHibernateProperties(...) is not a naming"
                        + " preset: use hibernate (Hibernate's defaults) or spring-boot (Spring Boot's snake_case"
                        + " names and join tables).");
    }

    @Test
    void theNamingHintTellsSpringBootUsersTheOneLine() {
        try (TestDb db = TestDb.create(EngineKind.H2)) {
            db.execute(SCHEMA);

            SchemaReport report = SchemaValidator.forEntities(Vet.class, Specialty.class).against(db.dataSource()).validate();

            assertThat(report.hints()).singleElement().asString()
                    .contains("PhysicalNamingStrategySnakeCaseImpl", "Spring Boot: the one line dbtestkit.naming=spring-boot");
        }
    }
}
