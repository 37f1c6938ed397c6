package io.github.dbtestkit.benchmarks.harness;

import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.PostgresSettings;

import java.util.Optional;

/**
 * Baselines get their databases from core's {@link DatabaseProvisioner}, configured from system properties as the
 * extension reads them, so a baseline talks to the same kind of server as the extension's tests (an external one in a
 * CI matrix, say).
 *
 * <pre>{@code
 * try (DatabaseProvisioner provisioner = Provisioners.fromSystemProperties()) { provisioner.server(EngineKind.H2); }
 * }</pre>
 */
public final class Provisioners {

    private Provisioners() {
    }

    /** A new provisioner; the caller closes it. */
    public static DatabaseProvisioner fromSystemProperties() {
        return new DatabaseProvisioner(PostgresSettings.from(key -> Optional.ofNullable(System.getProperty(key))
                .or(() -> Optional.ofNullable(System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'))))));
    }
}
