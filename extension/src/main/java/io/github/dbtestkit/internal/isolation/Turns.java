package io.github.dbtestkit.internal.isolation;

import org.apiguardian.api.API;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;

/**
 * One test at a time on a database that allows one writer: SQLite's shared-cache memory database locks a table for the
 * whole transaction that wrote it, and a second connection touching it fails at once with
 * {@code SQLITE_LOCKED_SHAREDCACHE} (no busy timeout applies). Under JUnit's parallel execution, tests on such a
 * database therefore take turns; tests on other databases and engines still run in parallel.
 *
 * <pre>{@code
 * try (Turns.Turn turn = turns.take()) { ... the test ... }
 * }</pre>
 *
 * <p>A semaphore rather than a lock: JUnit may run {@code beforeEach} and {@code afterEach} callbacks on different
 * threads (a test with a timeout on a separate thread). Waiting goes through {@link ForkJoinPool#managedBlock}, as JUnit's
 * own resource locks do, so that the pool of JUnit's workers keeps its parallelism while one waits.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Turns {

    /** A turn held; closing it lets the next test in. */
    @FunctionalInterface
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    private static final Turn NONE = () -> { };

    private final Semaphore permit;

    private Turns(Semaphore permit) {
        this.permit = permit;
    }

    /** Turns for a database with one writer at a time. */
    public static Turns oneAtATime() {
        return new Turns(new Semaphore(1, true));
    }

    /** No turns: every test goes at once. */
    public static Turns unlimited() {
        return new Turns(null);
    }

    /** Waits for this database's turn; interrupted, it gives up with the interrupt flag set. */
    public Turn take() {
        if (permit == null) {
            return NONE;
        }
        try {
            ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                private boolean acquired;

                @Override
                public boolean block() throws InterruptedException {
                    if (!acquired) {
                        permit.acquire();
                        acquired = true;
                    }
                    return true;
                }

                @Override
                public boolean isReleasable() {
                    if (!acquired) {
                        acquired = permit.tryAcquire();
                    }
                    return acquired;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database's turn", e);
        }
        boolean[] released = new boolean[1];
        return () -> {
            synchronized (released) {
                if (!released[0]) {
                    released[0] = true;
                    permit.release();
                }
            }
        };
    }
}
