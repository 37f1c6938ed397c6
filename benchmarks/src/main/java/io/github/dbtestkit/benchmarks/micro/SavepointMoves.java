package io.github.dbtestkit.benchmarks.micro;

import io.github.dbtestkit.internal.isolation.TestTransaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * What a commit by code under test costs inside a ROLLBACK test: an insert and {@code commit()} through dbtestkit's
 * connection view, which moves the test transaction's savepoint (release, set) instead of committing, against the
 * same insert and a real {@code commit()} on a plain H2 in-memory connection.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SavepointMoves {

    private Connection plain;
    private PreparedStatement plainInsert;
    private Connection physical;
    private TestTransaction transaction;
    private Connection view;
    private PreparedStatement viewInsert;

    /** One in-memory database, its table, and a test transaction with a view. */
    @Setup(Level.Iteration)
    public void open() throws SQLException {
        String url = "jdbc:h2:mem:savepoints_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        plain = DriverManager.getConnection(url);
        try (Statement statement = plain.createStatement()) {
            statement.execute("create table rows_kept (id bigint auto_increment primary key, note varchar(40))");
        }
        plain.setAutoCommit(false);
        plainInsert = plain.prepareStatement("insert into rows_kept (note) values ('plain')");
        physical = DriverManager.getConnection(url);
        transaction = TestTransaction.begin(physical, connection -> { });
        view = transaction.newView(false);
        viewInsert = view.prepareStatement("insert into rows_kept (note) values ('view')");
    }

    /** Rolls the test transaction back and drops the database. */
    @TearDown(Level.Iteration)
    public void close() throws SQLException {
        viewInsert.close();
        view.close();
        transaction.close();
        physical.close();
        plainInsert.close();
        try (Statement statement = plain.createStatement()) {
            statement.execute("drop all objects");
        }
        plain.commit();
        plain.close();
    }

    /** The baseline: insert and a real commit. */
    @Benchmark
    public void plainCommit() throws SQLException {
        plainInsert.executeUpdate();
        plain.commit();
    }

    /** Insert and commit through the view: a savepoint move inside the test's transaction. */
    @Benchmark
    public void viewCommit() throws SQLException {
        viewInsert.executeUpdate();
        view.commit();
    }
}
