package io.github.dbtestkit.benchmarks.micro;

import io.github.dbtestkit.core.internal.sql.SqlScript;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Splitting a 200-statement PostgreSQL migration script (line and block comments, quoted semicolons, dollar-quoted
 * function bodies) with dbtestkit's lexer, against {@code String.split(";")}: the floor a hand-written runner has, and
 * wrong for the quoted and dollar-quoted semicolons.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StatementSplitting {

    /** Statements in the script. */
    static final int STATEMENTS = 200;

    private String script;

    /** Builds the script once. */
    @Setup
    public void script() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < STATEMENTS / 4; i++) {
            sql.append("-- table ").append(i).append("; its comment has a semicolon\n")
                    .append("create table t").append(i).append(" (id bigserial primary key, note varchar(200) default 'a;b');\n")
                    .append("/* block ; comment */ insert into t").append(i).append(" (note) values ('it''s; quoted');\n")
                    .append("create function f").append(i).append("() returns trigger as $$ begin new.note := 'x;y'; return new; end; $$")
                    .append(" language plpgsql;\n")
                    .append("create index t").append(i).append("_note on t").append(i).append(" (note);\n");
        }
        script = sql.toString();
        int split = SqlScript.split(script).size();
        if (split != STATEMENTS) {
            throw new IllegalStateException("expected " + STATEMENTS + " statements, the lexer found " + split);
        }
    }

    /** The baseline: a split on every semicolon. */
    @Benchmark
    public String[] naiveSplit() {
        return script.split(";");
    }

    /** dbtestkit's lexer, as migrations and {@code @Sql} scripts are split. */
    @Benchmark
    public Object dbtestkitSplit() {
        return SqlScript.split(script);
    }
}
