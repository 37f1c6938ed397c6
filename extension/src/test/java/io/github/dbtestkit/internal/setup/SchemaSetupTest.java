package io.github.dbtestkit.internal.setup;

import io.github.dbtestkit.core.internal.hibernate.EntitySet;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.Isolation;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.internal.config.ClassConfiguration;
import io.github.dbtestkit.internal.config.Settings;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaSetupTest {

    /** Isolation NONE gives the class a database of its own, so no other test's factory is shared. */
    private static ClassConfiguration config(Class<?> testClass, SchemaMode mode) {
        return new ClassConfiguration(testClass, List.of(Engine.H2), List.of(Post.class, Comment.class), List.of(),
                mode, "", Isolation.NONE, true, io.github.dbtestkit.core.internal.hibernate.HibernateProperties.NONE,
                Settings.defaults(), io.github.dbtestkit.internal.config.Acceptances.NONE);
    }

    @Test
    void createAllBuildsTablesWithoutASessionFactoryUntilOneIsAskedFor() throws Exception {
        try (DatabaseProvisioner provisioner = new DatabaseProvisioner(PostgresSettings.defaults())) {
            createAll(SchemaSetup.prepare(Engine.H2, config(SchemaSetupTest.class, SchemaMode.CREATE_ALL), provisioner));
        }
    }

    private static void createAll(PreparedDatabase prepared) throws Exception {
        try (Connection c = prepared.instance().dataSource().getConnection();
             ResultSet tables = c.getMetaData().getTables(null, null, "COMMENTS", null)) {
            assertThat(tables.next()).as("comments created").isTrue();
        }
        assertThat(prepared.hasSessionFactory()).isFalse();

        assertThat(prepared.sessionFactory().getMetamodel().getEntities()).hasSize(2);
        assertThat(prepared.hasSessionFactory()).isTrue();
        assertThat(prepared.sessionFactory()).isSameAs(prepared.sessionFactory());
    }

    @Test
    void autoResolvesToCreateAllWithEntitiesAndNoneWithout() {
        EntitySet entities = EntitySet.of(List.of(Post.class));

        assertThat(SchemaSetup.resolveMode(config(SchemaSetupTest.class, SchemaMode.AUTO), entities, false))
                .isEqualTo(SchemaMode.CREATE_ALL);
        assertThat(SchemaSetup.resolveMode(config(SchemaSetupTest.class, SchemaMode.AUTO), EntitySet.EMPTY, false))
                .isEqualTo(SchemaMode.NONE);
        assertThat(SchemaSetup.resolveMode(config(SchemaSetupTest.class, SchemaMode.AUTO), entities, true))
                .isEqualTo(SchemaMode.MIGRATIONS);
    }
}
