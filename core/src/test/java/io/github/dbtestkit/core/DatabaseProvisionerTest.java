package io.github.dbtestkit.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseProvisionerTest {

    private final DatabaseProvisioner provisioner = new DatabaseProvisioner(PostgresSettings.defaults());

    @AfterEach
    void close() {
        provisioner.close();
    }

    @Test
    void serverReturnsTheSameRunningServerForAnEngine() {
        DatabaseServer first = provisioner.server(EngineKind.H2);
        DatabaseServer second = provisioner.server(EngineKind.H2);

        assertThat(second).isSameAs(first);
        assertThat(provisioner.server(EngineKind.SQLITE)).isNotSameAs(first);
    }

    @Test
    void twoProvisionersOwnTwoServers() {
        try (DatabaseProvisioner other = new DatabaseProvisioner(PostgresSettings.defaults())) {
            assertThat(other.server(EngineKind.H2)).isNotSameAs(provisioner.server(EngineKind.H2));
        }
    }

    @Test
    void closingDropsPreparedDatabasesThenStopsEveryServerWithItsDatabases() throws SQLException {
        DatabaseServer server = provisioner.server(EngineKind.SQLITE);
        DatabaseInstance db = server.createDatabase("left_open");
        Connection open = db.dataSource().getConnection();
        DatabaseInstance prepared = provisioner.prepared().obtain("key", DatabaseInstance.class,
                () -> server.createDatabase("prepared"));
        Connection toPrepared = prepared.dataSource().getConnection();

        provisioner.close();

        assertThat(open.isClosed()).isTrue();
        assertThat(toPrepared.isClosed()).isTrue();
        assertThat(provisioner.prepared().size()).isZero();
    }

    @Test
    void aClosedProvisionerStartsNothing() {
        provisioner.close();
        provisioner.close();

        assertThatThrownBy(() -> provisioner.server(EngineKind.H2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("This DatabaseProvisioner is closed: its servers are stopped.");
    }

    @Test
    void aFailureToPrepareIsRememberedAndReportedToEveryCaller() {
        int[] attempts = {0};
        java.util.function.Supplier<DatabaseInstance> failing = () -> {
            attempts[0]++;
            throw new ProvisioningException("Migration V2__broken.sql failed");
        };

        assertThatThrownBy(() -> provisioner.prepared().obtain("k", DatabaseInstance.class, failing))
                .isInstanceOf(ProvisioningException.class).hasMessage("Migration V2__broken.sql failed");
        assertThatThrownBy(() -> provisioner.prepared().obtain("k", DatabaseInstance.class, failing))
                .isInstanceOf(ProvisioningException.class).hasMessage("Migration V2__broken.sql failed");
        assertThat(attempts[0]).isEqualTo(1);
    }
}
