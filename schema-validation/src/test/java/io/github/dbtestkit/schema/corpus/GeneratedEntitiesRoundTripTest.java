package io.github.dbtestkit.schema.corpus;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.support.EntityCompiler;
import io.github.dbtestkit.schema.support.TestDb;
import io.github.dbtestkit.schema.tools.EntityGenerator;
import io.github.dbtestkit.schema.tools.GeneratedEntities;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entities generated from a schema, compiled and loaded apart, validate against the schema they came from with no
 * error and no warning: on the examples' shop migrations and on every correct schema of the corpus, on every engine
 * each supports.
 */
class GeneratedEntitiesRoundTripTest {

    /**
     * Tables no entity can stand for without the round trip failing, each with the reason: they are left out (and so
     * reported as unmapped tables, an INFO), and the generator says so.
     */
    private static final Map<String, String> NOT_ENTITIES = Map.of(
            "person_nicknames", "no primary key: an @ElementCollection's table, which JPA maps from its parent",
            "invoice_seq", "no primary key: on SQLite it is the one-row table Hibernate keeps a sequence in",
            "flyway_schema_history", "Flyway's bookkeeping table",
            "databasechangelog", "Liquibase's bookkeeping table",
            "databasechangeloglock", "Liquibase's bookkeeping table");

    @TempDir
    Path temp;

    static Stream<Arguments> correctSchemas() {
        return Corpus.correct().stream().flatMap(c -> c.engines().stream().map(e -> Arguments.of(c, e)));
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("correctSchemas")
    void entitiesGeneratedFromACorrectCorpusSchemaValidateAgainstIt(Corpus.Case schema, EngineKind engine) {
        String ddl = Ddl.render(schema.ddl(), engine);

        roundTrip(engine, ddl, expectedSkips(ddl));
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(EngineKind.class)
    void entitiesGeneratedFromTheShopMigrationsValidateAgainstThem(EngineKind engine) {
        String ddl = Stream.of("V1__create_users.sql", "V2__create_products.sql", "V3__create_orders.sql")
                .map(name -> resource("/db/shop/flyway/" + engine.id() + "/" + name))
                .collect(Collectors.joining("\n"));

        GeneratedEntities generated = roundTrip(engine, ddl, Set.of());

        assertThat(generated.entities()).containsExactly("com.acme.shop.Orders", "com.acme.shop.Products",
                "com.acme.shop.Users");
        String products = generated.sources().get("com.acme.shop.Products");
        assertThat(products).contains("// CHECK (stock >= 0) (products_stock_not_negative)")
                .contains("strategy = GenerationType.IDENTITY")
                .contains("name = \"price\",\n            nullable = false,\n            precision = 10,\n"
                        + "            scale = 2\n    )\n    private BigDecimal price;");
        assertThat(generated.sources().get("com.acme.shop.Orders"))
                .contains("@ManyToOne(\n            optional = false\n    )")
                .contains("name = \"user_id\",\n            nullable = false\n    )\n    private Users user;");
    }

    private GeneratedEntities roundTrip(EngineKind engine, String ddl, Set<String> skips) {
        try (TestDb db = TestDb.create(engine)) {
            db.execute(ddl);
            GeneratedEntities generated = EntityGenerator.from(db.dataSource()).inPackage("com.acme.shop").generate();
            List<Class<?>> entities = EntityCompiler.compile(generated.sources(), temp).load(generated.entities());

            SchemaReport report = SchemaValidator.forEntities(entities.toArray(Class<?>[]::new))
                    .against(db.dataSource()).validate();

            String sources = String.join("\n", generated.sources().values());
            assertThat(report.differences()).as(DriftCorpusTest.describe(report) + "\n" + sources)
                    .noneMatch(d -> d.severity() != Severity.INFO);
            assertThat(folded(generated.skippedTables().keySet())).as(sources).isEqualTo(skips);
            assertThat(report.differences().stream().filter(d -> d.kind() == DifferenceKind.UNMAPPED_TABLE)
                    .map(Difference::table).toList()).as(DriftCorpusTest.describe(report))
                    .allMatch(t -> skips.contains(t.toLowerCase(Locale.ROOT)));
            return generated;
        }
    }

    private static Set<String> expectedSkips(String ddl) {
        String lower = ddl.toLowerCase(Locale.ROOT);
        return NOT_ENTITIES.keySet().stream().filter(t -> lower.contains("create table " + t + " "))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> folded(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String resource(String name) {
        try (InputStream in = GeneratedEntitiesRoundTripTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
