package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.schema.shopfixture.Order;
import io.github.dbtestkit.schema.shopfixture.Product;
import io.github.dbtestkit.schema.shopfixture.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code export-ddl} end to end through {@link Main}. */
class ExportDdlCommandTest {

    private static final String CLASSES = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(Validation.SCHEMA_VALIDATOR, Map.of(), args);
    }

    @Test
    void writesOneFormattedScriptPerEngineWithAHeader() throws Exception {
        Path out = dir.resolve("ddl");

        CliRunner.Result result = run("export-ddl", "--engines", "h2,sqlite,postgresql", "--output", out.toString(),
                "--classpath", CLASSES, "--entities-package", User.class.getPackageName());

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("create_all DDL for PostgreSQL (3 entities) written to "
                + out.resolve("postgresql.sql"));
        String postgresql = Files.readString(out.resolve("postgresql.sql"));
        assertThat(postgresql)
                .startsWith("-- create_all DDL for PostgreSQL, written by dbtestkit export-ddl\n"
                        + "-- Dialect: org.hibernate.dialect.PostgreSQLDialect (database version ")
                .contains("-- Hibernate ORM: 7.")
                .contains("-- Entities: " + Order.class.getName() + ", " + Product.class.getName() + ", "
                        + User.class.getName() + "\n")
                .contains("create table orders (")
                .contains("create index orders_user_id");
        assertThat(postgresql.indexOf("create table orders")).isLessThan(postgresql.indexOf("create table products"));
        assertThat(postgresql.indexOf("create table products")).isLessThan(postgresql.indexOf("create table users"));
        assertThat(Files.readString(out.resolve("h2.sql"))).contains("-- Dialect: org.hibernate.dialect.H2Dialect");
        assertThat(Files.readString(out.resolve("sqlite.sql")))
                .contains("-- Dialect: org.hibernate.community.dialect.SQLiteDialect");
    }

    @Test
    void theSameEntitiesInAnotherOrderGiveByteIdenticalFiles() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        run("export-ddl", "--engines", "h2,postgresql", "--output", first.toString(), "--classpath", CLASSES,
                "--entity", User.class.getName(), "--entity", Product.class.getName(), "--entity", Order.class.getName());
        run("export-ddl", "--engines", "postgresql,h2", "--output", second.toString(), "--classpath", CLASSES,
                "--entity", Order.class.getName(), "--entity", User.class.getName(), "--entity", Product.class.getName());

        assertThat(Files.readAllBytes(second.resolve("h2.sql"))).isEqualTo(Files.readAllBytes(first.resolve("h2.sql")));
        assertThat(Files.readAllBytes(second.resolve("postgresql.sql")))
                .isEqualTo(Files.readAllBytes(first.resolve("postgresql.sql")));
    }

    @Test
    void anOutputThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("ddl.sql"), "");

        CliRunner.Result result = run("export-ddl", "--engines", "h2", "--output", file.toString(),
                "--classpath", CLASSES, "--entity", User.class.getName());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: Cannot write the DDL to " + file + ": it is a file, and --output "
                + "names a folder (one <engine>.sql per engine). Choose a folder.\n");
    }

    @Test
    void anUnknownEngineIsNamed() {
        CliRunner.Result result = run("export-ddl", "--engines", "mysql", "--output", dir.toString(),
                "--classpath", CLASSES, "--entity", User.class.getName());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Error: --engines: Unknown engine 'mysql': expected one of h2, sqlite, "
                + "postgresql.\n");
    }

    @Test
    void enginesAndOutputAreRequired() {
        CliRunner.Result result = run("export-ddl", "--classpath", CLASSES, "--entity", User.class.getName());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required options: '--engines=LIST', '--output=DIR'");
    }
}
