package io.github.dbtestkit.schema.internal.actual;

import io.github.dbtestkit.schema.internal.model.CheckModel;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.TableModel;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteSchemaReaderTest {

    @Test
    void aCommentedCheckAndACheckInADefaultStringAreNoConstraints() throws Exception {
        TableModel table = read("""
                CREATE TABLE pets (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL, -- check (length(name) > 0) is the application's job
                  note TEXT DEFAULT 'no CHECK (here); really',
                  /* CHECK (old rule) */ age INTEGER CHECK (age >= 0)
                )""", "pets");

        assertThat(table.checks()).containsExactly(new CheckModel(null, "age >= 0"));
        assertThat(table.column("note")).get().extracting(ColumnModel::hasDefault).isEqualTo(true);
    }

    @Test
    void bracketedAndBacktickColumnNamesAreReadWithoutTheirQuotes() throws Exception {
        TableModel table = read("""
                CREATE TABLE [pet owners] (
                  [owner id] INTEGER PRIMARY KEY,
                  `last name` VARCHAR(30) NOT NULL,
                  [check] TEXT,
                  `x)` INTEGER CONSTRAINT [x positive] CHECK (`x)` > 0)
                )""", "pet owners");

        assertThat(table.columns()).extracting(ColumnModel::name)
                .containsExactly("owner id", "last name", "check", "x)");
        assertThat(table.primaryKey()).containsExactly("owner id");
        assertThat(table.column("last name")).get().extracting(ColumnModel::nullable).isEqualTo(false);
        assertThat(table.column("last name")).get().extracting(c -> c.type().length()).isEqualTo(30);
        assertThat(table.checks()).containsExactly(new CheckModel("x positive", "`x)` > 0"));
    }

    private static TableModel read(String ddl, String tableName) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement statement = connection.createStatement()) {
            statement.execute(ddl);
            return new SqliteSchemaReader().read(connection, List.of()).table(tableName).orElseThrow();
        }
    }
}
