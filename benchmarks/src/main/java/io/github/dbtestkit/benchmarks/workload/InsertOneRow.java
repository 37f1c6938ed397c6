package io.github.dbtestkit.benchmarks.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The unit of work every variant of a benchmark does, so that the variants differ only in what surrounds it: prepare,
 * bind and execute one single-row insert into {@code bench_row}, then close the statement.
 *
 * <pre>{@code
 * InsertOneRow.createTable(connection);
 * InsertOneRow.into(connection, 1);
 * }</pre>
 */
public final class InsertOneRow {

    /** The DDL matching {@link BenchRow} as Hibernate creates it, for databases the extension does not set up. */
    public static final String CREATE_TABLE = "create table bench_row (id bigint not null, name varchar(255), primary key (id))";

    private static final String INSERT = "insert into bench_row (id, name) values (?, ?)";

    private InsertOneRow() {
    }

    /** Creates {@code bench_row} on a database the extension did not prepare. */
    public static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_TABLE);
        }
    }

    /**
     * Inserts the row {@code id}.
     *
     * @throws IllegalStateException when the insert did not insert exactly one row
     */
    public static void into(Connection connection, long id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, id);
            insert.setString(2, "benchmark");
            int inserted = insert.executeUpdate();
            if (inserted != 1) {
                throw new IllegalStateException("The insert of bench_row " + id + " reported " + inserted + " rows instead of 1.");
            }
        }
    }
}
