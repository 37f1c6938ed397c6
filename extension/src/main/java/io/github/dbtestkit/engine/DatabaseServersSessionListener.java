package io.github.dbtestkit.engine;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops every database server when the JUnit launcher session ends, i.e. when the test run is over. Registered
 * through {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}; nothing to configure.
 *
 * <pre>{@code
 * // automatic; equivalent to calling, at the end of the run:
 * DatabaseServers.closeAll();
 * }</pre>
 */
public final class DatabaseServersSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        DatabaseServers.closeAll();
    }
}
