package io.github.dbtestkit.engine;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.config.Settings;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM-wide registry of running database servers: each (engine, provider) is started at most once per JVM, on
 * first use, and shared by every test class that asks for it. Everything is closed when the test run ends, by
 * {@link DatabaseServersSessionListener} when the launcher session closes, or by a JVM shutdown hook otherwise (runs
 * that open no launcher session, such as {@code EngineTestKit} used directly).
 *
 * <pre>{@code
 * DatabaseServer server = DatabaseServers.obtain(Engine.POSTGRESQL, settings);
 * DatabaseInstance db = server.createDatabase("dbtestkit_orders");
 * }</pre>
 *
 * <p>A server that fails to start is not retried within the run: later requests fail at once with the same message.
 */
public final class DatabaseServers {

    private static final ServerRegistry REGISTRY = new ServerRegistry(EngineProviders::providerFor, EngineProviders::start);
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();
    private static final java.util.Deque<Runnable> BEFORE_CLOSING = new java.util.concurrent.ConcurrentLinkedDeque<>();

    private DatabaseServers() {
    }

    /**
     * The running server for {@code engine} with the provider {@code settings} select, started now if it is not
     * running yet. Thread-safe.
     *
     * @throws IllegalStateException saying why the engine cannot start and what to add or set
     */
    public static DatabaseServer obtain(Engine engine, Settings settings) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(settings, "settings");
        installShutdownHook();
        return REGISTRY.obtain(engine, settings);
    }

    /**
     * Registers work to run at the end of the run, before the servers stop — for layers above that hold databases on
     * them (an external server's databases must be dropped while it is still reachable). Hooks run newest first, once
     * per {@link #closeAll()}; a hook that throws does not stop the others.
     */
    public static void beforeClosing(Runnable hook) {
        BEFORE_CLOSING.addFirst(Objects.requireNonNull(hook, "hook"));
    }

    /** Stops every server started so far and forgets them, so the next {@link #obtain} starts afresh. Never throws. */
    public static void closeAll() {
        for (Runnable hook = BEFORE_CLOSING.pollFirst(); hook != null; hook = BEFORE_CLOSING.pollFirst()) {
            try {
                hook.run();
            } catch (RuntimeException ignored) {
                // closing is best effort; the servers below are stopped either way
            }
        }
        REGISTRY.closeAll();
    }

    private static void installShutdownHook() {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(DatabaseServers::closeAll, "dbtestkit-shutdown"));
        }
    }
}
