package io.github.dbtestkit.schema;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.support.TestDb;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaValidatorHibernatePropertiesTest {

    private static final String SNAKE_CASE = "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";

    /** Camel-case fields, no column names, as most Spring Boot entities are written. */
    @Entity(name = "Vet")
    static class Vet {
        @Id
        Long id;
        String firstName;
        String lastName;
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void theApplicationsNamingStrategyIsAppliedToTheMapping(EngineKind engine) {
        try (TestDb db = TestDb.create(engine)) {
            db.execute("create table vet (id bigint not null primary key, first_name varchar(255), last_name varchar(255));");

            SchemaReport withStrategy = SchemaValidator.forEntities(Vet.class)
                    .withHibernateProperties(Map.of("hibernate.physical_naming_strategy", SNAKE_CASE))
                    .against(db.dataSource()).validate();
            SchemaReport without = SchemaValidator.forEntities(Vet.class).against(db.dataSource()).validate();

            assertThat(withStrategy.differences()).isEmpty();
            assertThat(without.differences()).extracting(Difference::kind)
                    .contains(DifferenceKind.MISSING_COLUMN, DifferenceKind.UNMAPPED_COLUMN);
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void withoutItTheReportSaysOnceAtTheTopWhichLineToPaste(EngineKind engine) {
        try (TestDb db = TestDb.create(engine)) {
            db.execute("create table vet (id bigint not null primary key, first_name varchar(255), last_name varchar(255));");

            SchemaReport report = SchemaValidator.forEntities(Vet.class).against(db.dataSource()).validate();

            assertThat(report.hints()).singleElement().asString()
                    .startsWith("Naming: 2 missing names match unmapped ones but for spelling (")
                    .contains(".firstName against ", "the database uses snake_case names",
                            "hibernate.physical_naming_strategy=org.hibernate.boot.model.naming."
                                    + "PhysicalNamingStrategySnakeCaseImpl",
                            "Spring Boot: the one line dbtestkit.naming=spring-boot sets Boot's naming");
            String text = report.render(ReportFormat.TEXT);
            assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("Hint: Naming: 2 missing names");
            assertThat(text.split("Naming: ", -1)).hasSize(2);
            assertThat(report.render(ReportFormat.MARKDOWN)).contains("> **Hint:** Naming: 2 missing names");
            assertThat(report.render(ReportFormat.HTML)).contains("<p class=\"hint\">Naming: 2 missing names");
            assertThat(report.render(ReportFormat.JSON)).contains("\"hints\" : [ \"Naming: 2 missing names");
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aReportWithoutSuchPairsHasNoHint(EngineKind engine) {
        try (TestDb db = TestDb.create(engine)) {
            db.execute("create table vet (id bigint not null primary key, surname varchar(255));");

            SchemaReport report = SchemaValidator.forEntities(Vet.class).against(db.dataSource()).validate();

            assertThat(report.differences()).extracting(Difference::kind).contains(DifferenceKind.MISSING_COLUMN);
            assertThat(report.hints()).isEmpty();
        }
    }
}
