package com.example.gallery;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.Feature;
import io.github.dbtestkit.Isolation;
import io.github.dbtestkit.RequiresFeature;
import io.github.dbtestkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transactions the engines treat differently. Isolation NONE: these tests run their own transactions (and DDL, which
 * H2 commits on its own), and drop what they create; see docs/gallery.md.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, isolation = Isolation.NONE)
class TransactionsTest {

    @AfterEach
    void dropTheTable(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists drafts");
        }
    }

    @Test
    void aRollbackUndoesCreateTableOnSqliteAndPostgresqlButNotOnH2(Connection connection, TestDatabase db)
            throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table drafts (id integer primary key)");
        }
        connection.rollback();

        assertThat(tableExists(connection, "drafts")).isEqualTo(db.engine() == Engine.H2);
    }

    @Test
    @RequiresFeature(Feature.TRANSACTIONAL_DDL)
    void withTransactionalDdlAFailedMigrationLeavesNothingBehind(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table drafts (id integer primary key)");
            assertThatThrownBy(() -> statement.execute("create table drafts (id integer primary key)"))
                    .isInstanceOf(SQLException.class);
        }
        connection.rollback();

        assertThat(tableExists(connection, "drafts")).isFalse();
    }

    @Test
    void afterAnErrorPostgresqlRefusesEveryStatementUntilTheTransactionEnds(Connection connection, TestDatabase db)
            throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (db.engine() == Engine.SQLITE) {
                assertThat(value(statement, "select 1 / 0")).isNull(); // no error to abort anything
            } else {
                assertThatThrownBy(() -> value(statement, "select 1 / 0")).isInstanceOf(SQLException.class);
            }

            if (db.engine() == Engine.POSTGRESQL) {
                assertThatThrownBy(() -> value(statement, "select 2")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("current transaction is aborted")
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25P02");
            } else {
                assertThat(value(statement, "select 2")).isEqualTo("2");
            }
        }
        connection.rollback();
    }

    @Test
    void aSavepointAroundAStatementThatMayFailKeepsTheTransactionUsableEverywhere(Connection connection)
            throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            Savepoint beforeTheRiskyStatement = connection.setSavepoint();
            try {
                value(statement, "select cast('abc' as integer)");
            } catch (SQLException refused) {
                connection.rollback(beforeTheRiskyStatement);
            }

            assertThat(value(statement, "select 2")).isEqualTo("2");
        }
        connection.rollback();
    }

    private static String value(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        Savepoint before = connection.getAutoCommit() ? null : connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("select count(*) from " + table).close();
            return true;
        } catch (SQLException e) {
            if (before != null) {
                connection.rollback(before);
            }
            return false;
        }
    }
}
