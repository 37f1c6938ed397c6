package io.github.dbtestkit.cli;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.schema.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema-check CLI end to end against embedded PostgreSQL (the schema-validation module tests H2 and SQLite
 * files; PostgreSQL needs this module's engine layer). Exit 0 matches, 1 drift, 2 connection or usage error.
 */
class CliAgainstPostgresTest {

    private static DatabaseProvisioner provisioner;
    private static DatabaseInstance database;

    @BeforeAll
    static void startPostgres() {
        provisioner = new DatabaseProvisioner(PostgresSettings.defaults());
        database = provisioner.server(Engine.POSTGRESQL.kind()).createDatabase("cli_check");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
        provisioner.close();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run check(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "check";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), withCommand);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void exitCodesZeroOneAndTwoAgainstALiveServer() throws SQLException {
        sql("create table posts (id bigserial primary key, body varchar(255) not null)");
        sql("create table comments (id bigserial primary key, body varchar(255) not null,"
                + " post_id bigint not null references posts(id))");
        String url = database.jdbcUrl();

        Run matches = check("--url", url, "--username", database.username(),
                "--entity", "io.github.dbtestkit.fixtures.Post", "--entity", "io.github.dbtestkit.fixtures.Comment");
        assertThat(matches.exit()).as(matches.err() + matches.out()).isZero();

        sql("alter table comments add column author varchar(50) not null");
        Run drift = check("--url", url, "--username", database.username(), "--format", "json",
                "--entity", "io.github.dbtestkit.fixtures.Post", "--entity", "io.github.dbtestkit.fixtures.Comment");
        assertThat(drift.exit()).isEqualTo(1);
        assertThat(drift.out()).contains("\"kind\" : \"UNMAPPED_COLUMN\"").contains("\"column\" : \"author\"")
                .contains("\"engine\" : \"PostgreSQL\"");

        String noSuchDatabase = url.substring(0, url.lastIndexOf('/') + 1) + "no_such_db";
        Run unreachable = check("--url", noSuchDatabase, "--username", database.username(),
                "--entity", "io.github.dbtestkit.fixtures.Post", "--entity", "io.github.dbtestkit.fixtures.Comment");
        assertThat(unreachable.exit()).isEqualTo(2);
        assertThat(unreachable.err()).contains("Cannot connect to " + noSuchDatabase).doesNotContain("Exception");
    }
}
