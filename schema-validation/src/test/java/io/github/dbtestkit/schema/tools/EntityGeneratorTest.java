package io.github.dbtestkit.schema.tools;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.support.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java entry point of entity generation: what it writes, what it leaves out, and its errors. */
class EntityGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void writesEachEntityAndTheIdClassOfACompositeKeyIntoThePackageFolder() throws IOException {
        try (TestDb db = TestDb.create(EngineKind.SQLITE)) {
            db.execute("create table order_lines (order_no bigint not null, line_no integer not null,"
                    + " primary key (order_no, line_no));\n"
                    + "create table audit (note varchar(20));");

            GeneratedEntities out = EntityGenerator.from(db.dataSource()).inPackage("com.acme.model").writeTo(dir);

            Path folder = dir.resolve("com/acme/model");
            assertThat(out.files()).containsExactly(folder.resolve("OrderLines.java"), folder.resolve("OrderLinesId.java"));
            assertThat(out.entities()).containsExactly("com.acme.model.OrderLines");
            assertThat(out.engine()).isEqualTo("SQLite");
            assertThat(Files.readString(folder.resolve("OrderLines.java"))).contains("@IdClass(OrderLinesId.class)");
            assertThat(Files.readString(folder.resolve("OrderLinesId.java")))
                    .contains("public class OrderLinesId implements Serializable")
                    .contains("public boolean equals(Object other)");
            assertThat(out.skippedTables()).containsOnlyKeys("audit");
            assertThat(out.skippedTables().get("audit")).startsWith("it has no primary key");
        }
    }

    @Test
    void namesSequencesWithTheirIncrementAsAllocationSize() {
        try (TestDb db = TestDb.create(EngineKind.H2)) {
            db.execute("create sequence invoice_seq start with 1 increment by 50;\n"
                    + "create table invoices (id bigint not null primary key, number varchar(30) not null);");

            String source = EntityGenerator.from(db.dataSource()).inPackage("com.acme").generate().sources()
                    .get("com.acme.Invoices");

            assertThat(source).contains("strategy = GenerationType.SEQUENCE").contains("sequenceName = \"invoice_seq\"")
                    .contains("allocationSize = 50");
        }
    }

    @Test
    void aBadPackageNameIsRefusedWithTheName() {
        assertThatThrownBy(() -> EntityGenerator.from(new org.h2.jdbcx.JdbcDataSource()).inPackage("com.acme.class"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'com.acme.class' is not a Java package name: use dot-separated identifiers that are not "
                        + "Java keywords, such as com.acme.model.");
    }

    @Test
    void generatingWithoutAPackageSaysWhichCallIsMissing() {
        assertThatThrownBy(() -> EntityGenerator.from(new org.h2.jdbcx.JdbcDataSource()).generate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No package for the generated entities: call inPackage(\"com.acme.model\")");
    }

    @Test
    void aSchemaWithOnlyTablesThatCannotBeEntitiesListsThemWithTheReasons() {
        try (TestDb db = TestDb.create(EngineKind.POSTGRESQL)) {
            db.execute("create table audit (note varchar(20));");

            assertThatThrownBy(() -> EntityGenerator.from(db.dataSource()).inPackage("com.acme").writeTo(dir))
                    .isInstanceOf(EntityGenerationException.class)
                    .hasMessageStartingWith("None of the tables of the PostgreSQL database jdbc:postgresql:")
                    .hasMessageContaining("\n  audit: it has no primary key, and a JPA entity needs an identifier");
        }
    }
}
