package io.github.dbtestkit.core.internal.migration;

import org.apiguardian.api.API;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.slf4j.LoggerFactory;

import java.util.logging.Level;

/**
 * Sends Liquibase's logging to SLF4J instead of java.util.logging's console. Liquibase's INFO lines are per-changeset
 * details, so they go to DEBUG; warnings and errors keep their level.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Slf4jLogService extends AbstractLogService {

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public Logger getLog(Class clazz) {
        return new Slf4jLogger(LoggerFactory.getLogger(clazz == null ? Slf4jLogService.class : clazz));
    }

    private static final class Slf4jLogger extends AbstractLogger {

        private final org.slf4j.Logger delegate;

        Slf4jLogger(org.slf4j.Logger delegate) {
            this.delegate = delegate;
        }

        @Override
        public void log(Level level, String message, Throwable e) {
            if (level == Level.OFF) {
                return;
            }
            int value = level.intValue();
            if (value >= Level.SEVERE.intValue()) {
                delegate.error(message, e);
            } else if (value >= Level.WARNING.intValue()) {
                delegate.warn(message, e);
            } else if (value >= Level.CONFIG.intValue()) {
                delegate.debug(message, e);
            } else {
                delegate.trace(message, e);
            }
        }
    }
}
