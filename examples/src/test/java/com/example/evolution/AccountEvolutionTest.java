package com.example.evolution;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.Migrations;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Evolution: V1 creates {@code accounts}, V2 adds {@code full_name} and fills it in for existing rows. create_all
 * alone cannot get an existing database there; the migration does, and keeps the rows written before it.
 * {@link Migrations} gives each test the class's migrations on an empty database of its own.
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = Account.class,
        migrations = "classpath:db/evolution")
class AccountEvolutionTest {

    @Test
    void createAllLeavesAnExistingTableAsItIsButTheMigrationAddsTheColumn(Migrations migrations) throws SQLException {
        migrations.migrateTo("1");
        DataSource database = migrations.dataSource();

        // Hibernate's create_all against the version 1 database: CREATE TABLE accounts fails, the table stays as it is
        assertThatThrownBy(() -> createAll(database)).hasMessageContaining("create table accounts");

        assertThat(columns(database, "accounts")).doesNotContain("full_name");
        migrations.migrateTo("2");
        assertThat(columns(database, "accounts")).contains("full_name");
    }

    @Test
    void rowsWrittenAtVersionOneAreIntactAndBackfilledAtVersionTwo(Migrations migrations) throws SQLException {
        assertThat(migrations.versions()).containsExactly("1", "2");
        migrations.migrateTo("1");
        execute(migrations.dataSource(), "INSERT INTO accounts (id, first_name, last_name) VALUES (1, 'Ada', 'Lovelace')");
        execute(migrations.dataSource(), "INSERT INTO accounts (id, first_name, last_name) VALUES (2, 'Grace', 'Hopper')");

        migrations.migrateTo("2");

        assertThat(rows(migrations.dataSource(), "SELECT id, first_name, last_name, full_name FROM accounts ORDER BY id"))
                .containsExactly("1 Ada Lovelace Ada Lovelace", "2 Grace Hopper Grace Hopper");
    }

    /** The class's own database is fully migrated: today's entity works there. */
    @Test
    void theCurrentEntityWorksOnTheMigratedSchema(EntityManager em) {
        em.persist(new Account(3L, "Alan", "Turing"));
        em.flush();
        em.clear();

        assertThat(em.find(Account.class, 3L).getFullName()).isEqualTo("Alan Turing");
    }

    /**
     * Hibernate's create_all ({@code SchemaManager.exportMappedObjects}, what {@code jakarta.persistence.schema-generation
     * .database.action=create} runs), told to stop at the first error; by default it logs the error and carries on,
     * with the same result. ({@code hbm2ddl.auto=update} would add the column, but nothing would fill it for existing
     * rows: that is the migration's job.)
     */
    private static void createAll(DataSource database) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, database)
                .applySetting(SchemaToolingSettings.HBM2DDL_HALT_ON_ERROR, true)
                .build();
        try (SessionFactory factory = new MetadataSources(registry).addAnnotatedClass(Account.class)
                .buildMetadata().buildSessionFactory()) {
            factory.getSchemaManager().exportMappedObjects(true);
        }
    }

    private static List<String> columns(DataSource database, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = database.getConnection();
             ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(),
                     connection.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table, "%")) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(DataSource database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getLong(1) + " " + result.getString(2) + " " + result.getString(3) + " " + result.getString(4));
            }
        }
        return rows;
    }
}
