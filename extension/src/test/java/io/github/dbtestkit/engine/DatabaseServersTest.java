package io.github.dbtestkit.engine;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseServersTest {

    @AfterEach
    void closeAll() {
        DatabaseServers.closeAll();
    }

    @Test
    void obtainReturnsTheSameRunningServerForAnEngine() {
        DatabaseServer first = DatabaseServers.obtain(Engine.H2, Settings.defaults());
        DatabaseServer second = DatabaseServers.obtain(Engine.H2, Settings.defaults());

        assertThat(second).isSameAs(first);
        assertThat(DatabaseServers.obtain(Engine.SQLITE, Settings.defaults())).isNotSameAs(first);
    }

    @Test
    void theLauncherSessionListenerClosesEveryServerAndItsDatabases() throws SQLException {
        DatabaseServer server = DatabaseServers.obtain(Engine.SQLITE, Settings.defaults());
        DatabaseInstance db = server.createDatabase("left_open");
        Connection open = db.dataSource().getConnection();

        new DatabaseServersSessionListener().launcherSessionClosed(null);

        assertThat(open.isClosed()).isTrue();
        assertThat(DatabaseServers.obtain(Engine.SQLITE, Settings.defaults())).isNotSameAs(server);
    }

    @Test
    void theListenerIsRegisteredAsAService() {
        assertThat(java.util.ServiceLoader.load(org.junit.platform.launcher.LauncherSessionListener.class).stream()
                .map(java.util.ServiceLoader.Provider::type))
                .contains(DatabaseServersSessionListener.class);
    }

    @Test
    void aMissingDriverNamesItsCoordinates() {
        assertThatThrownBy(() -> JdbcDriver.H2.require(className -> false))
                .hasMessage("H2 needs its JDBC driver com.h2database:h2 on the test classpath (class org.h2.Driver was not found): "
                        + "add it as a test dependency.");
        assertThatThrownBy(() -> JdbcDriver.SQLITE.require(className -> false))
                .hasMessageStartingWith("SQLite needs its JDBC driver org.xerial:sqlite-jdbc on the test classpath");
        assertThatThrownBy(() -> JdbcDriver.POSTGRESQL.require(className -> false))
                .hasMessageStartingWith("PostgreSQL needs its JDBC driver org.postgresql:postgresql on the test classpath");
    }

    @Test
    void aPresentDriverPasses() {
        JdbcDriver.of(Engine.H2).require(ClassPresence.onClasspath());
        JdbcDriver.of(Engine.SQLITE).require(ClassPresence.onClasspath());
        JdbcDriver.of(Engine.POSTGRESQL).require(ClassPresence.onClasspath());
    }

    @Test
    void passwordsAreMaskedInUrls() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***&ssl=true");
        assertThat(JdbcUrls.mask("jdbc:h2:mem:x;PASSWORD=s3cret")).isEqualTo("jdbc:h2:mem:x;PASSWORD=***");
    }
}
