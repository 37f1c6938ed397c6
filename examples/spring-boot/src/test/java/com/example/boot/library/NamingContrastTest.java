package com.example.boot.library;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;
import io.github.dbtestkit.schema.Severity;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;

import javax.sql.DataSource;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why the one line is needed: the same Flyway scripts, validated with the entities read three ways. Without a setting
 * the columns are missing; with only the snake_case physical strategy the join table is (JPA calls it
 * {@code book_genre}); with {@code dbtestkit.naming=spring-boot}, or with Spring Boot's own two strategies, nothing is.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL},
        schema = SchemaMode.MIGRATIONS, migrations = "classpath:db/migration/{engine}", validateSchema = false)
class NamingContrastTest {

    private static final String PHYSICAL = "hibernate.physical_naming_strategy";
    private static final String IMPLICIT = "hibernate.implicit_naming_strategy";

    @Test
    void withoutTheSettingColumnsAreMissingAndTheHintNamesTheLine(DataSource dataSource) {
        SchemaReport report = validate(dataSource, Map.of());

        assertThat(report.differences()).filteredOn(d -> d.severity() == Severity.ERROR)
                .extracting(Difference::kind).contains(DifferenceKind.MISSING_COLUMN);
        assertThat(report.hints()).singleElement().asString()
                .contains("PhysicalNamingStrategySnakeCaseImpl", "dbtestkit.naming=spring-boot");
    }

    @Test
    void withOnlyTheSnakeCaseStrategyTheJoinTableIsMissing(DataSource dataSource) {
        SchemaReport report = validate(dataSource, Map.of(PHYSICAL, PhysicalNamingStrategySnakeCaseImpl.class.getName()));

        assertThat(report.differences()).filteredOn(d -> d.severity() == Severity.ERROR)
                .allSatisfy(d -> assertThat(d.kind()).isEqualTo(DifferenceKind.MISSING_TABLE))
                .extracting(d -> d.table().toLowerCase(Locale.ROOT)).containsExactly("book_genre");
        assertThat(report.differences()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.UNMAPPED_TABLE);
            assertThat(d.table().toLowerCase(Locale.ROOT)).isEqualTo("book_genres");
        });
    }

    @Test
    void withTheOneLineNothingIsWrong(DataSource dataSource) {
        SchemaReport report = validate(dataSource, Map.of("dbtestkit.naming", "spring-boot"));

        assertThat(report.differences()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
    }

    @Test
    void springBootsOwnStrategiesGiveTheSameReport(DataSource dataSource) {
        SchemaReport boots = validate(dataSource, Map.of(PHYSICAL, PhysicalNamingStrategySnakeCaseImpl.class.getName(),
                IMPLICIT, SpringImplicitNamingStrategy.class.getName()));
        SchemaReport ours = validate(dataSource, Map.of("dbtestkit.naming", "spring-boot"));

        assertThat(boots.differences()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
        assertThat(boots.differences()).containsExactlyInAnyOrderElementsOf(ours.differences());
    }

    private static SchemaReport validate(DataSource dataSource, Map<String, String> properties) {
        return SchemaValidator.forEntities(Author.class, Genre.class, Book.class)
                .withHibernateProperties(properties)
                .against(dataSource)
                .validate();
    }
}
