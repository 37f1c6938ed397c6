package io.github.dbtestkit.schema.internal.actual;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Runs one catalog query with string parameters and hands each row on. */
final class Catalog {

    private Catalog() {
    }

    static void query(Connection connection, List<String> parameters, String sql, RowHandler handler)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            for (String parameter : parameters) {
                statement.setString(i++, parameter);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }

    /** One row of a catalog query. */
    @FunctionalInterface
    interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }
}
