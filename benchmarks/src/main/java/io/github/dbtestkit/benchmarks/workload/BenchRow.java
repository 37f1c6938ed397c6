package io.github.dbtestkit.benchmarks.workload;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one entity of the benchmark classes: {@code bench_row(id bigint primary key, name varchar(255))}, the table the
 * raw JDBC baselines create by hand with the same shape ({@link InsertOneRow#CREATE_TABLE}).
 *
 * <pre>{@code
 * @DatabaseTest(entities = BenchRow.class)
 * class ExtensionInsertTest { ... }
 * }</pre>
 */
@Entity
@Table(name = "bench_row")
public class BenchRow {

    @Id
    private Long id;

    private String name;

    protected BenchRow() {
        // for Hibernate
    }

    /** A row with this id and name. */
    public BenchRow(long id, String name) {
        this.id = id;
        this.name = name;
    }

    /** The primary key. */
    public Long getId() {
        return id;
    }

    /** The payload. */
    public String getName() {
        return name;
    }
}
