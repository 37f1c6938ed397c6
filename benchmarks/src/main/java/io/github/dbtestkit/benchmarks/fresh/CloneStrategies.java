package io.github.dbtestkit.benchmarks.fresh;

import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code CREATE DATABASE ... TEMPLATE ... STRATEGY} on PostgreSQL 15 and later, as plain SQL on an admin connection:
 * the default {@code WAL_LOG} (the template copied block by block through the WAL) against {@code FILE_COPY} (its
 * files copied, with a checkpoint before and after), each clone dropped right after with {@code DROP DATABASE ...
 * WITH (FORCE)}. What {@code PostgresServer} chooses for its clones rests on these figures.
 *
 * <pre>{@code
 * CloneStrategies.Times walLog = new CloneStrategies(server, template).measure("WAL_LOG", 20);
 * }</pre>
 */
final class CloneStrategies {

    /** The strategies compared, the default first. */
    static final String[] STRATEGIES = {"WAL_LOG", "FILE_COPY"};

    /**
     * Milliseconds per database, medians over one call.
     *
     * @param create the {@code CREATE DATABASE ... TEMPLATE ... STRATEGY}
     * @param drop   the {@code DROP DATABASE ... WITH (FORCE)} that follows it
     */
    record Times(double create, double drop) {
    }

    private final DatabaseServer server;
    private final DatabaseInstance template;

    CloneStrategies(DatabaseServer server, DatabaseInstance template) {
        this.server = server;
        this.template = template;
    }

    /** Clones and drops {@code count} databases with {@code strategy}; nobody may be connected to the template. */
    Times measure(String strategy, int count) throws SQLException {
        Samples create = new Samples();
        Samples drop = new Samples();
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), template.username(), template.password());
             Statement statement = admin.createStatement()) {
            for (int i = 0; i < count; i++) {
                String name = "bench_strategy_" + strategy.toLowerCase(java.util.Locale.ROOT) + "_" + i;
                long start = System.nanoTime();
                try {
                    statement.execute("CREATE DATABASE " + name + " TEMPLATE " + template.name() + " STRATEGY " + strategy);
                } finally {
                    long created = System.nanoTime();
                    // dropped at once, so that a failure leaves nothing either
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    drop.add((System.nanoTime() - created) / 1e6);
                    create.add((created - start) / 1e6);
                }
            }
        }
        return new Times(create.median(), drop.median());
    }
}
