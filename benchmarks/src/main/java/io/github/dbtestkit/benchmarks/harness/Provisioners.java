package io.github.dbtestkit.benchmarks.harness;

import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.PostgresSettings;

import java.util.Optional;

/**
 * Baselines get their databases from core's {@link DatabaseProvisioner}, configured from system properties as the
 * extension reads them, so a baseline talks to the same kind of server as the extension's tests (an external one in a
 * CI matrix, say). One provisioner serves the baselines of the whole run ({@link #shared()}), so a PostgreSQL server
 * is started once per run rather than once per benchmark (never timed either way); {@code Main} closes it at the end.
 *
 * <pre>{@code
 * DatabaseServer server = Provisioners.shared().server(EngineKind.H2);
 * }</pre>
 */
public final class Provisioners {

    private static DatabaseProvisioner shared;

    private Provisioners() {
    }

    /** The run's provisioner for baselines, created on first use; not to be closed by its users. */
    public static synchronized DatabaseProvisioner shared() {
        if (shared == null) {
            shared = fromSystemProperties();
        }
        return shared;
    }

    /** Closes the run's provisioner (stopping its servers), if one was created. */
    public static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** A new provisioner; the caller closes it. */
    public static DatabaseProvisioner fromSystemProperties() {
        return new DatabaseProvisioner(PostgresSettings.from(key -> Optional.ofNullable(System.getProperty(key))
                .or(() -> Optional.ofNullable(System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'))))));
    }
}
