package io.github.dbtestkit.benchmarks.overhead;

import io.github.dbtestkit.benchmarks.harness.PerTest;
import io.github.dbtestkit.benchmarks.workload.InsertOneRow;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Baseline (a): the database work of one test and nothing else, on one physical connection: begin (auto-commit off),
 * the insert, rollback. The connection stays in manual-commit mode between iterations, as dbtestkit keeps its pooled
 * connections, so "begin" costs what it costs the extension.
 *
 * <pre>{@code
 * PerTest cost = RawJdbcLoop.run(connection, 1000);
 * }</pre>
 */
final class RawJdbcLoop {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RawJdbcLoop() {
    }

    /** Runs {@code iterations} iterations and returns what one cost. */
    static PerTest run(Connection physical, int iterations) throws SQLException {
        long startCpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (long id = 0; id < iterations; id++) {
            oneIteration(physical, id);
        }
        long wall = System.nanoTime() - start;
        return PerTest.of(wall, THREADS.getCurrentThreadCpuTime() - startCpu, iterations);
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
