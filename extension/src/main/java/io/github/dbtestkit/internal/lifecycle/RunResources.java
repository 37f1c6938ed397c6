package io.github.dbtestkit.internal.lifecycle;

import io.github.dbtestkit.internal.config.Settings;
import io.github.dbtestkit.core.DatabaseProvisioner;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one owner of a test run's databases: a {@link DatabaseProvisioner} kept in JUnit's launcher-session
 * {@link ExtensionContext.Store} (the store above the root context's, {@link ExtensionContext.StoreScope#LAUNCHER_SESSION}),
 * created by the first {@code @DatabaseTest} class that needs it and closed by JUnit when the launcher session ends
 * (the store closes {@link AutoCloseable} values). Prepared databases are dropped first, then the servers stop; that is
 * the only shutdown path while JUnit runs. The session store, not the root context's, because one session may run
 * several executions (an IDE's re-runs, Surefire's, a benchmark harness) and DESIGN.md starts a server once per run of
 * the JVM's tests; {@code EngineTestKit} gives each execution a session of its own, so nested runs own their databases.
 *
 * <pre>{@code
 * DatabaseProvisioner provisioner = RunResources.provisioner(context, settings);
 * DatabaseServer h2 = provisioner.server(EngineKind.H2);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunResources {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunResources.class);

    private RunResources() {
    }

    /** The run's provisioner, created on first request with the run's PostgreSQL settings. */
    public static DatabaseProvisioner provisioner(ExtensionContext context, Settings settings) {
        return context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE).getOrComputeIfAbsent(DatabaseProvisioner.class,
                type -> new DatabaseProvisioner(settings.postgresql()), DatabaseProvisioner.class);
    }
}
