package io.github.dbtestkit.core.internal.provisioning;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.Messages;
import io.github.dbtestkit.core.ProvisioningException;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A warm pool of clones of one template database, as IntegreSQL keeps one: a daemon thread of its own clones the
 * template ahead of demand until {@code size} clones are ready, and drops the clones handed back, so that a test
 * neither waits for {@code CREATE DATABASE ... TEMPLATE} nor for {@code DROP DATABASE} when the pool keeps up.
 * Closing it stops the thread and drops every clone it still holds, ready or used. Each clone is an ordinary
 * database of the server (on PostgreSQL it carries the owner comment), so a JVM killed before closing the pool leaves
 * nothing that the next run's reaping misses.
 *
 * <p>The template must not be connected to while the pool runs on PostgreSQL (see
 * {@link DatabaseServer#cloneDatabase}). A failure to clone stops the filler; the ready clones are still handed out,
 * then every {@link #take()} fails with the failure's message.
 *
 * <pre>{@code
 * try (ClonePool pool = ClonePool.start(server, template, 2, () -> template.name() + "_t" + n.incrementAndGet())) {
 *     ClonePool.Taken taken = pool.take(); ... pool.giveBack(taken.database()); }
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ClonePool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClonePool.class);
    /** How long closing waits for a clone being made to finish before dropping what the pool holds. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    /**
     * A clone handed out.
     *
     * @param database   the clone, the taker's until it gives it back (or closes it itself)
     * @param dataSource the clone's connections: the first is the one the filler opened ahead (so the taker does not
     *                   wait for a new server session either), the next ones are new
     * @param waitNanos  how long the taker waited for it, in nanoseconds: next to nothing when one was ready
     */
    public record Taken(DatabaseInstance database, DataSource dataSource, long waitNanos) {
    }

    /** A ready clone and the connection opened to it ahead of the test; the clone's drop closes the connection. */
    private record Ready(DatabaseInstance database, Connection connection) {
    }

    private final DatabaseServer server;
    private final DatabaseInstance template;
    private final int size;
    private final Supplier<String> names;
    private final Deque<Ready> ready = new ArrayDeque<>();
    private final Deque<DatabaseInstance> used = new ArrayDeque<>();
    private final Thread filler;
    /** The filler's failure, once it failed; it then makes no more clones. */
    private RuntimeException failure;
    /** Whether the filler is between taking a name and putting the clone in {@link #ready}. */
    private boolean cloning;
    private boolean closed;

    private ClonePool(DatabaseServer server, DatabaseInstance template, int size, Supplier<String> names) {
        this.server = Objects.requireNonNull(server);
        this.template = Objects.requireNonNull(template);
        this.size = size;
        this.names = Objects.requireNonNull(names);
        this.filler = new Thread(this::fill, "dbtestkit-clones-" + template.name());
        this.filler.setDaemon(true);
    }

    /**
     * Starts filling a pool of {@code size} ready clones of {@code template} on {@code server}.
     *
     * @param names the name of each new clone, unique on the server
     * @throws IllegalArgumentException when {@code size} is below 1
     */
    public static ClonePool start(DatabaseServer server, DatabaseInstance template, int size, Supplier<String> names) {
        if (size < 1) {
            throw new IllegalArgumentException("A pool of clones holds at least one, not " + size);
        }
        ClonePool pool = new ClonePool(server, template, size, names);
        pool.filler.start();
        LOG.debug("Keeping {} ready clone(s) of {} on {}", size, template.name(), server);
        return pool;
    }

    /** How many ready clones it keeps. */
    public int size() {
        return size;
    }

    /**
     * A ready clone, waiting for the filler when none is: the caller owns it and hands it back with
     * {@link #giveBack(DatabaseInstance)} (or closes it itself).
     *
     * @throws ProvisioningException with the filler's message when it failed and no clone is ready, or when the pool
     *                               is closed or the waiting thread interrupted
     */
    public Taken take() {
        long start = System.nanoTime();
        synchronized (this) {
            while (ready.isEmpty()) {
                if (closed) {
                    throw new ProvisioningException("The pool of ready copies of " + template.name() + " is closed.");
                }
                if (failure != null) {
                    throw new ProvisioningException("Could not make a ready copy of " + template.name() + " for a"
                            + " FRESH_DATABASE test: " + Messages.chain(failure), failure);
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ProvisioningException("Interrupted while waiting for a ready copy of " + template.name(), e);
                }
            }
            Ready taken = ready.removeFirst();
            notifyAll();
            return new Taken(taken.database(), new OpenedAhead(taken.database().dataSource(), taken.connection()),
                    System.nanoTime() - start);
        }
    }

    /** Hands a clone back: the filler drops it, off the caller's path. After {@link #close()}, it is dropped here. */
    public void giveBack(DatabaseInstance database) {
        Objects.requireNonNull(database);
        synchronized (this) {
            if (!closed) {
                used.addLast(database);
                notifyAll();
                return;
            }
        }
        database.close();
    }

    /**
     * Waits until the pool is at rest: {@code size} clones ready (or the filler failed) and every clone handed back
     * dropped. For tests and benchmarks that must start from a full pool.
     *
     * @return whether it came to rest within {@code timeout}
     */
    public synchronized boolean awaitFull(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed && failure == null && (ready.size() < size || !used.isEmpty() || cloning)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return !closed;
    }

    /** How many clones are ready now. */
    public synchronized int readyCount() {
        return ready.size();
    }

    /** The filler's loop: clone while fewer than {@code size} are ready, drop what was handed back, else wait. */
    private void fill() {
        while (true) {
            String name;
            DatabaseInstance toDrop = null;
            synchronized (this) {
                while (!closed && (ready.size() >= size || failure != null) && used.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // nothing interrupts this thread (close() notifies); look at the state again
                    }
                }
                if (closed) {
                    return;
                }
                // with none ready a test may be waiting, so cloning comes first; otherwise a used clone is dropped before
                // the next is made, so that used clones do not pile up while tests keep taking
                boolean clone = failure == null && ready.size() < size && (used.isEmpty() || ready.isEmpty());
                if (clone) {
                    name = names.get();
                    cloning = true;
                } else {
                    name = null;
                    toDrop = used.removeFirst();
                }
            }
            if (name != null) {
                clone(name);
            } else {
                drop(toDrop);
            }
        }
    }

    private void clone(String name) {
        DatabaseInstance database = null;
        Connection connection = null;
        RuntimeException failed = null;
        try {
            database = server.cloneDatabase(template, name);
            // the first session of a new database is the slowest (PostgreSQL builds its relation cache); open it here
            connection = database.dataSource().getConnection();
        } catch (SQLException e) {
            database.close();
            failed = new ProvisioningException("Cannot connect to the new copy " + name + " of " + template.name() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            failed = e;
        }
        boolean dropNow = false;
        synchronized (this) {
            cloning = false;
            if (failed != null) {
                failure = failed;
                LOG.warn("Could not make a ready copy of {} on {}: {}", template.name(), server, Messages.chain(failed));
            } else if (closed) {
                dropNow = true;
            } else {
                ready.addLast(new Ready(database, connection));
            }
            notifyAll();
        }
        if (dropNow) {
            database.close();
        }
    }

    private void drop(DatabaseInstance database) {
        try {
            database.close();
        } catch (RuntimeException e) {
            LOG.warn("Could not drop the used copy {} of {}: {}", database.name(), template.name(), Messages.chain(e));
        }
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * Stops the filler (waiting for a clone being made) and drops every clone it holds, ready or handed back; clones
     * still out with a taker are the taker's to close. Idempotent; never throws.
     */
    @Override
    public void close() {
        List<DatabaseInstance> left;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        try {
            filler.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            left = new ArrayList<>(ready.stream().map(Ready::database).toList());
            left.addAll(used);
            ready.clear();
            used.clear();
        }
        for (DatabaseInstance database : left) {
            try {
                database.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not drop the copy {} of {}: {}", database.name(), template.name(), Messages.chain(e));
            }
        }
    }

    @Override
    public String toString() {
        return "pool of " + size + " ready clone(s) of " + template.name();
    }
}
