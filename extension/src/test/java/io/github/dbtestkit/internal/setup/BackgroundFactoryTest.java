package io.github.dbtestkit.internal.setup;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.Isolation;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.internal.config.ClassConfiguration;
import io.github.dbtestkit.internal.config.Settings;
import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PreparedDatabase#buildSessionFactoryInBackground()}: the factory tests get, and closing mid-build. */
class BackgroundFactoryTest {

    private static ClassConfiguration config() {
        return new ClassConfiguration(BackgroundFactoryTest.class, List.of(Engine.H2), List.of(Post.class, Comment.class),
                List.of(), SchemaMode.CREATE_ALL, "", Isolation.NONE, true,
                io.github.dbtestkit.core.internal.hibernate.HibernateProperties.NONE, Settings.defaults(),
                io.github.dbtestkit.internal.config.Acceptances.NONE);
    }

    private static boolean builderThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && thread.getName().startsWith("dbtestkit-session-factory"));
    }

    @Test
    void theFactoryBuiltInTheBackgroundIsTheOneEveryCallerGets() {
        try (DatabaseProvisioner provisioner = new DatabaseProvisioner(PostgresSettings.defaults())) {
            PreparedDatabase prepared = SchemaSetup.prepare(Engine.H2, config(), provisioner);

            prepared.buildSessionFactoryInBackground();
            prepared.buildSessionFactoryInBackground(); // a second call starts no second build
            SessionFactory factory = prepared.sessionFactory();

            assertThat(factory.getMetamodel().getEntities()).hasSize(2);
            assertThat(prepared.sessionFactory()).isSameAs(factory);
            assertThat(prepared.hasSessionFactory()).isTrue();
        }
    }

    @Test
    void closingWhileTheFactoryIsBeingBuiltWaitsForItAndClosesIt() {
        PreparedDatabase prepared;
        try (DatabaseProvisioner provisioner = new DatabaseProvisioner(PostgresSettings.defaults())) {
            prepared = SchemaSetup.prepare(Engine.H2, config(), provisioner);
            prepared.buildSessionFactoryInBackground();
            prepared.close();
        }

        assertThat(builderThreadAlive()).as("a builder thread outlived close()").isFalse();
        assertThat(prepared.hasSessionFactory()).as("the build was waited for").isTrue();
        assertThat(prepared.sessionFactory().isClosed()).as("and its factory closed").isTrue();
    }

    @Test
    void aDatabaseWithoutEntitiesStartsNoBuild() {
        ClassConfiguration none = new ClassConfiguration(BackgroundFactoryTest.class, List.of(Engine.H2), List.of(),
                List.of(), SchemaMode.NONE, "", Isolation.NONE, true,
                io.github.dbtestkit.core.internal.hibernate.HibernateProperties.NONE, Settings.defaults(),
                io.github.dbtestkit.internal.config.Acceptances.NONE);
        try (DatabaseProvisioner provisioner = new DatabaseProvisioner(PostgresSettings.defaults())) {
            PreparedDatabase prepared = SchemaSetup.prepare(Engine.H2, none, provisioner);

            prepared.buildSessionFactoryInBackground();

            assertThat(builderThreadAlive()).isFalse();
            assertThat(prepared.hasSessionFactory()).isFalse();
        }
    }
}
