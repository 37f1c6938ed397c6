package io.github.dbtestkit.core.internal.sql;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        String script = """
                -- leading comment; not a statement
                insert into t values ('a;b');
                /* block; comment */ insert into t values ("c;d");

                insert into t values ('it''s');
                """;

        assertThat(SqlScript.split(script)).containsExactly(
                new SqlStatement("insert into t values ('a;b')", 2),
                new SqlStatement("insert into t values (\"c;d\")", 3),
                new SqlStatement("insert into t values ('it''s')", 5));
    }

    @Test
    void keepsDollarQuotedBodiesWholeAndReadsDollarDigitsAsParameters() {
        String script = """
                create function f() returns int as $body$ begin; return 1; end; $body$ language plpgsql;
                select $$a;b$$;
                select $1;
                """;

        assertThat(SqlScript.split(script)).extracting(SqlStatement::sql).containsExactly(
                "create function f() returns int as $body$ begin; return 1; end; $body$ language plpgsql",
                "select $$a;b$$",
                "select $1");
    }

    @Test
    void lastStatementNeedsNoSemicolonAndCommentOnlyScriptsAreEmpty() {
        assertThat(SqlScript.split("select 1")).containsExactly(new SqlStatement("select 1", 1));
        assertThat(SqlScript.split("-- nothing\n/* at all */\n")).isEmpty();
    }

    @Test
    void escapeStringsBracketAndBacktickIdentifiersAndNestedCommentsDoNotSplit() {
        String script = "select E'it\\'s; fine';\nselect [a;b], `c;d` from t;\n/* outer /* inner; */ still; */ select 2;";

        assertThat(SqlScript.split(script)).containsExactly(
                new SqlStatement("select E'it\\'s; fine'", 1),
                new SqlStatement("select [a;b], `c;d` from t", 2),
                new SqlStatement("select 2", 3));
    }

    @Test
    void aTriggerBodyStaysWholeButATransactionBeginIsAStatement() {
        String script = """
                create trigger t after insert on a
                begin
                  update a set x = case when new.y is null then 0 else 1 end;
                  delete from b;
                end;
                begin;
                begin transaction;
                commit;
                """;

        assertThat(SqlScript.split(script)).extracting(SqlStatement::line).containsExactly(1, 6, 7, 8);
        assertThat(SqlScript.split(script).get(0).sql()).startsWith("create trigger t").endsWith("end");
    }

    @Test
    void aBeginAtomicBodyStaysWhole() {
        String script = "create function c() returns bigint language sql begin atomic select 1; select 2; end;\nselect 3;";

        assertThat(SqlScript.split(script)).extracting(SqlStatement::sql).containsExactly(
                "create function c() returns bigint language sql begin atomic select 1; select 2; end", "select 3");
    }

    @Test
    void endIfEndLoopAndEndCaseInsideABodyDoNotCloseIt() {
        String script = """
                create procedure p() begin
                  if x then select 1; end if;
                  while y do select 2; end while;
                  case z when 1 then select 3; end case;
                  select case when z then 1 end;
                end;
                select 4;
                """;

        assertThat(SqlScript.split(script)).extracting(SqlStatement::line).containsExactly(1, 7);
    }

    @Test
    void aColumnNamedBeginInCreateTableOpensNoBody() {
        assertThat(SqlScript.split("create table t (id int, begin int);\ninsert into t values (1, 2);"))
                .extracting(SqlStatement::line).containsExactly(1, 2);
    }

    @Test
    void arraySubscriptsAreNoBracketedIdentifiers() {
        String script = "select array['a]b'][1];\nselect '{1}'::int[];\nselect [x;y] from t;";

        assertThat(SqlScript.split(script)).extracting(SqlStatement::sql)
                .containsExactly("select array['a]b'][1]", "select '{1}'::int[]", "select [x;y] from t");
    }

    @Test
    void thePostgresqlCorpusSplitsWhereItsAuthorMeantIt() throws IOException {
        List<SqlStatement> statements = SqlScript.split(read("postgresql/schema.sql"));

        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 6, 8, 15, 20, 21, 22);
        assertThat(statements.get(2).sql()).contains("RETURN NEW;").endsWith("$$");
        assertThat(statements.get(3).sql()).contains("BEGIN ATOMIC").endsWith("END");
        assertThat(statements.get(5).sql()).isEqualTo("INSERT INTO owners (last_name) VALUES (E'O\\'Brien; Jr.')");
    }

    @Test
    void theH2CorpusRunsStatementByStatementOnH2() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:sql_corpus;DB_CLOSE_DELAY=-1", "sa", "");
             Statement statement = connection.createStatement()) {
            List<SqlStatement> schema = SqlScript.split(read("h2/schema.sql"));
            List<SqlStatement> data = SqlScript.split(read("h2/data.sql"));
            assertThat(schema).extracting(SqlStatement::line).containsExactly(2, 3, 5, 10, 12, 16, 18, 22, 26, 33, 40);
            assertThat(data).extracting(SqlStatement::line).containsExactly(1, 2, 5, 6, 7, 8, 11, 12);

            execute(statement, schema);
            execute(statement, data);

            assertThat(single(statement, "SELECT last_name FROM vets WHERE first_name = 'Helen'")).isEqualTo("O'Leary");
            assertThat(single(statement, "SELECT \"the;note\" FROM \"Owner Notes\"")).isEqualTo("likes cats; dislikes dogs");
            assertThat(single(statement, "SELECT \"sound\" FROM \"Pet Summary\" WHERE name = 'Leo'")).isEqualTo("woof; woof");
            assertThat(single(statement, "SELECT address FROM owners WHERE first_name = 'Betty'"))
                    .isEqualTo("-- unknown; ask at the desk");
            assertThat(single(statement, "SELECT last_name FROM owners WHERE first_name = 'Betty'"))
                    .isEqualTo("Davis -- not a comment");
            statement.execute("DROP ALL OBJECTS");
        }
    }

    @Test
    void theSqliteCorpusRunsStatementByStatementOnSqliteAndItsTriggerFires() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement statement = connection.createStatement()) {
            List<SqlStatement> schema = SqlScript.split(read("sqlite/schema.sql"));
            assertThat(schema).extracting(SqlStatement::line).containsExactly(2, 8, 9, 14, 15, 16, 19, 24);

            execute(statement, schema);
            statement.execute("UPDATE owners SET `last_name` = 'Frank' WHERE [first name] = 'George'");

            assertThat(single(statement, "SELECT updated_at FROM owners")).isEqualTo("now; really");
            assertThat(single(statement, "SELECT what FROM audit")).isEqualTo("Frank");
            assertThat(single(statement, "SELECT full_name FROM \"owner names\"")).isEqualTo("George Frank");
            assertThatThrownBy(() -> statement.execute("DELETE FROM owners")).hasMessageContaining("George stays; always");
        }
    }

    @Test
    void theBillingCorpusRunsStatementByStatementOnPostgresql() throws Exception {
        List<SqlStatement> billing = SqlScript.split(read("postgresql/billing.sql"));
        assertThat(billing).extracting(SqlStatement::line)
                .containsExactly(6, 8, 16, 25, 27, 39, 42, 48, 55, 66, 67, 68, 69, 70, 71);

        try (DatabaseProvisioner provisioner = new DatabaseProvisioner(PostgresSettings.defaults());
             DatabaseInstance database = provisioner.server(EngineKind.POSTGRESQL).createDatabase("sql_corpus_billing");
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            execute(statement, billing);

            assertThat(single(statement, "SELECT count(*) FROM customers")).isEqualTo("4");
            assertThat(single(statement, "SELECT email FROM customers WHERE name = 'O''Brien; Jr.'"))
                    .isEqualTo("o'brien@example.com");
            assertThat(single(statement, "SELECT status FROM invoices WHERE total = 2")).isEqualTo("void");
            assertThat(single(statement, "SELECT note FROM invoices WHERE total = 2"))
                    .isEqualTo("line one\nline two; still the default");
            assertThat(single(statement, "SELECT total FROM paid_totals WHERE name = 'Customer 1'")).isEqualTo("10.50");
            assertThat(single(statement, "SELECT obj_description('invoices'::regclass)"))
                    .isEqualTo("Bills; one per order, 'quoted' inside");
            assertThatThrownBy(() -> statement.execute("UPDATE invoices SET total = -1"))
                    .hasMessageContaining("negative total: -1.00; refused");
        }
    }

    private static void execute(Statement statement, List<SqlStatement> statements) throws SQLException {
        for (SqlStatement each : statements) {
            statement.execute(each.sql());
        }
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (var rows = statement.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getString(1);
        }
    }

    private static String read(String name) throws IOException {
        try (InputStream in = SqlScriptTest.class.getResourceAsStream("/sql-corpus/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
