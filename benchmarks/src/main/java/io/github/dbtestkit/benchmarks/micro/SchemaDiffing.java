package io.github.dbtestkit.benchmarks.micro;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.diff.SchemaDiff;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.ForeignKeyModel;
import io.github.dbtestkit.schema.internal.model.KeyModel;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.internal.model.TableModel;
import io.github.dbtestkit.schema.internal.model.TypeNames;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The schema diff of 30 mapped tables of 8 columns (a primary key, a foreign key to the previous table, a unique key,
 * an index) against the database's model of them, on PostgreSQL's rules, with one column of one table nullable where
 * the mapping says not null. Baseline: {@code equals} of two equal copies of the mapped model, which walks every
 * table, column and key once: the floor of comparing two models at all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SchemaDiffing {

    /** Tables in each model. */
    static final int TABLES = 30;

    private SchemaModel expected;
    private SchemaModel actual;
    private SchemaModel expectedCopy;
    private SchemaDiff diff;

    /** Builds both models once. */
    @Setup
    public void models() {
        expected = model(false);
        actual = model(true);
        expectedCopy = model(false);
        diff = new SchemaDiff(EngineKind.POSTGRESQL);
        int found = diff.compare(expected, actual).differences().size();
        if (found != 1) {
            throw new IllegalStateException("expected 1 difference, the diff found " + found);
        }
    }

    private static SchemaModel model(boolean drifted) {
        List<TableModel> tables = new ArrayList<>();
        for (int t = 0; t < TABLES; t++) {
            List<ColumnModel> columns = new ArrayList<>();
            columns.add(new ColumnModel("id", TypeNames.parse("bigint"), false, false, true, null));
            columns.add(new ColumnModel("parent_id", TypeNames.parse("bigint"), true, false, false, null));
            columns.add(new ColumnModel("name", TypeNames.parse("varchar(255)"), drifted && t == TABLES / 2, false, false, null));
            columns.add(new ColumnModel("code", TypeNames.parse("varchar(40)"), false, false, false, null));
            columns.add(new ColumnModel("amount", TypeNames.parse("numeric(19,2)"), true, false, false, null));
            columns.add(new ColumnModel("created_at", TypeNames.parse("timestamp"), false, false, false, null));
            columns.add(new ColumnModel("active", TypeNames.parse("boolean"), false, false, false, null));
            columns.add(new ColumnModel("notes", TypeNames.parse("text"), true, false, false, null));
            List<ForeignKeyModel> keys = t == 0 ? List.of() : List.of(new ForeignKeyModel("fk_t" + t + "_parent",
                    List.of("parent_id"), "t" + (t - 1), List.of("id")));
            tables.add(new TableModel("t" + t, "com.acme.Entity" + t, columns, List.of("id"), keys,
                    List.of(new KeyModel("uk_t" + t + "_code", List.of("code"), true)),
                    List.of(new KeyModel("ix_t" + t + "_name", List.of("name"), false)), List.of()));
        }
        return new SchemaModel(tables, List.of());
    }

    /** The baseline: deep equality of two equal models, every part compared. */
    @Benchmark
    public boolean modelEquals() {
        return expected.equals(expectedCopy);
    }

    /** dbtestkit's diff, with its findings. */
    @Benchmark
    public Object dbtestkitDiff() {
        return diff.compare(expected, actual);
    }
}
