package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.Secrets;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.Provider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcDriverTest {

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
        JdbcDriver.of(EngineKind.H2).require(ClassPresence.onClasspath());
        JdbcDriver.of(EngineKind.SQLITE).require(ClassPresence.onClasspath());
        JdbcDriver.of(EngineKind.POSTGRESQL).require(ClassPresence.onClasspath());
    }

    @Test
    void passwordsAreMaskedInUrls() {
        assertThat(Secrets.maskUrl("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***&ssl=true");
        assertThat(Secrets.maskUrl("jdbc:h2:mem:x;PASSWORD=s3cret")).isEqualTo("jdbc:h2:mem:x;PASSWORD=***");
    }
}
