package io.github.dbtestkit.benchmarks.fresh;

import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.internal.provisioning.ClonePool;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the time of one fresh database goes, measured on core's own parts over a template shaped as the extension's
 * ({@code bench_row}): waiting for the pool ({@link ClonePool#take()}), cloning ({@link DatabaseServer#cloneDatabase})
 * and the test's first connection; and, on demand, the drop that then happens on the test's path too.
 *
 * <pre>{@code
 * CloneSplit split = new CloneSplit(server, template, "bench_split_h2");
 * CloneSplit.Times times = split.onDemand(20);
 * }</pre>
 */
final class CloneSplit {

    /** How long a pool may take to come to rest before a "kept up" take; far more than it needs. */
    private static final Duration REST = Duration.ofSeconds(60);

    /**
     * Milliseconds per fresh database, medians over the databases of one call.
     *
     * @param waitMillis    waiting for a ready clone (0 on demand)
     * @param cloneMillis   cloning on the test's path (0 from the pool)
     * @param connectMillis opening the test's first connection and inserting its row
     * @param dropMillis    dropping the database on the test's path (0 from the pool: the filler drops it)
     */
    record Times(double waitMillis, double cloneMillis, double connectMillis, double dropMillis) {
        double total() {
            return waitMillis + cloneMillis + connectMillis + dropMillis;
        }
    }

    private final DatabaseServer server;
    private final DatabaseInstance template;
    private final String prefix;
    private final AtomicInteger names = new AtomicInteger();

    CloneSplit(DatabaseServer server, DatabaseInstance template, String prefix) {
        this.server = server;
        this.template = template;
        this.prefix = prefix;
    }

    /** {@code count} databases cloned on the test's path, used and dropped there, as with a pool size of 0. */
    Times onDemand(int count) throws SQLException {
        Samples clone = new Samples();
        Samples connect = new Samples();
        Samples drop = new Samples();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            DatabaseInstance copy = server.cloneDatabase(template, prefix + names.incrementAndGet());
            long cloned = System.nanoTime();
            try {
                use(copy, i);
            } finally {
                long used = System.nanoTime();
                copy.close();
                long dropped = System.nanoTime();
                clone.add(millis(cloned - start));
                connect.add(millis(used - cloned));
                drop.add(millis(dropped - used));
            }
        }
        return new Times(0, clone.median(), connect.median(), drop.median());
    }

    /**
     * {@code count} databases taken from a pool of {@code size}: with {@code keptUp}, each take waits (untimed) until
     * the pool is at rest first, as between tests that do work of their own; without, they follow back to back.
     */
    Times fromPool(int size, int count, boolean keptUp) throws SQLException, InterruptedException {
        Samples wait = new Samples();
        Samples connect = new Samples();
        try (ClonePool pool = ClonePool.start(server, template, size, () -> prefix + names.incrementAndGet())) {
            if (!pool.awaitFull(REST)) {
                throw new IllegalStateException("The pool of " + template.name() + " did not fill within " + REST);
            }
            for (int i = 0; i < count; i++) {
                if (keptUp && !pool.awaitFull(REST)) {
                    throw new IllegalStateException("The pool of " + template.name() + " did not refill within " + REST);
                }
                long start = System.nanoTime();
                ClonePool.Taken taken = pool.take();
                long took = System.nanoTime();
                try {
                    use(taken.database(), i);
                } finally {
                    long used = System.nanoTime();
                    pool.giveBack(taken.database());
                    wait.add(millis(took - start));
                    connect.add(millis(used - took));
                }
            }
        }
        return new Times(wait.median(), 0, connect.median(), 0);
    }

    private static void use(DatabaseInstance database, long id) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            InsertOneRow.into(connection, id);
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
