package io.github.dbtestkit.internal.lifecycle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatementsTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        String script = """
                -- leading comment; not a statement
                insert into t values ('a;b');
                /* block; comment */ insert into t values ("c;d");

                insert into t values ('it''s');
                """;

        assertThat(SqlStatements.split(script)).containsExactly(
                new SqlStatements.Statement("insert into t values ('a;b')", 2),
                new SqlStatements.Statement("insert into t values (\"c;d\")", 3),
                new SqlStatements.Statement("insert into t values ('it''s')", 5));
    }

    @Test
    void keepsDollarQuotedBodiesWhole() {
        String script = """
                create function f() returns int as $body$ begin; return 1; end; $body$ language plpgsql;
                select $$a;b$$;
                select $1;
                """;

        assertThat(SqlStatements.split(script)).extracting(SqlStatements.Statement::sql).containsExactly(
                "create function f() returns int as $body$ begin; return 1; end; $body$ language plpgsql",
                "select $$a;b$$",
                "select $1");
    }

    @Test
    void lastStatementNeedsNoSemicolonAndCommentOnlyScriptsAreEmpty() {
        assertThat(SqlStatements.split("select 1")).containsExactly(new SqlStatements.Statement("select 1", 1));
        assertThat(SqlStatements.split("-- nothing\n/* at all */\n")).isEmpty();
    }
}
