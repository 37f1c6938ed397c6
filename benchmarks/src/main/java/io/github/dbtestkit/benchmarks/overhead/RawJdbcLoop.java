package io.github.dbtestkit.benchmarks.overhead;

import io.github.dbtestkit.benchmarks.workload.InsertOneRow;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Baseline (a): the database work of one test and nothing else, on one physical connection: begin (auto-commit off),
 * the insert, rollback. The connection stays in manual-commit mode between iterations, as dbtestkit keeps its pooled
 * connections, so "begin" costs what it costs the extension.
 *
 * <pre>{@code
 * long nanos = RawJdbcLoop.run(connection, 1000);
 * }</pre>
 */
final class RawJdbcLoop {

    private RawJdbcLoop() {
    }

    /** Runs {@code iterations} iterations and returns the nanoseconds they took. */
    static long run(Connection physical, int iterations) throws SQLException {
        long start = System.nanoTime();
        for (long id = 0; id < iterations; id++) {
            oneIteration(physical, id);
        }
        return System.nanoTime() - start;
    }

    /** Begin, insert the row {@code id}, roll back. */
    static void oneIteration(Connection physical, long id) throws SQLException {
        if (physical.getAutoCommit()) {
            physical.setAutoCommit(false);
        }
        InsertOneRow.into(physical, id);
        physical.rollback();
    }
}
