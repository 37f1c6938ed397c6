package io.github.dbtestkit.core.internal.engine;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A database whose server went away during the run says so when a connection is refused, without the password. */
class ServerGoneMessageTest {

    @Test
    void aRefusedConnectionToADatabaseOfTheRunNamesTheServerThatStopped() {
        Properties credentials = new Properties();
        credentials.setProperty("user", "app");
        credentials.setProperty("password", "s3cret-pw");
        String url = "jdbc:postgresql://127.0.0.1:" + ClusterFiles.freePort() + "/dbt_postgresql_x?password=s3cret-pw";
        DriverDataSource dataSource = new DriverDataSource(JdbcDriver.POSTGRESQL, url, credentials, "PostgreSQL (external)");

        SQLException e = catchThrowableOfType(SQLException.class, dataSource::getConnection);

        assertThat(e.getMessage())
                .startsWith("PostgreSQL (external) at jdbc:postgresql://127.0.0.1:")
                .contains("stopped or cannot be reached: Connection to 127.0.0.1:")
                .contains("it was running earlier in this run, so it was stopped or killed since")
                .doesNotContain("s3cret-pw");
        assertThat(e.getSQLState()).startsWith("08");
    }

    @Test
    void withoutAServerNameTheDriversFailureIsPassedOnAsItIs() {
        String url = "jdbc:postgresql://127.0.0.1:" + ClusterFiles.freePort() + "/postgres";
        DriverDataSource dataSource = new DriverDataSource(JdbcDriver.POSTGRESQL, url, new Properties());

        SQLException e = catchThrowableOfType(SQLException.class, dataSource::getConnection);

        assertThat(e.getMessage()).startsWith("Connection to 127.0.0.1:").doesNotContain("stopped or cannot be reached");
    }
}
