package io.github.dbtestkit;

import io.github.dbtestkit.internal.lifecycle.EngineRun;
import io.github.dbtestkit.internal.migration.checks.EngineMigrationChecker;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.List;

/**
 * Injects {@link MigrationChecker} into the tests of a {@link MigrationCheckSuite} class, for the engine of the
 * current run; the databases it creates are dropped when the test ends.
 */
final class MigrationCheckExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MigrationCheckExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MigrationChecker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        EngineRun run = DatabaseTestExtension.engineRun(context);
        if (run == null) {
            throw new ParameterResolutionException("MigrationChecker is given to tests of a @DatabaseTest class: annotate "
                    + testClass.getName() + " with @DatabaseTest(migrations = \"classpath:db/migration\"), or inject it"
                    + " into a test method rather than @BeforeAll or a constructor.");
        }
        try {
            EngineMigrationChecker checker = new EngineMigrationChecker(run.engine(), run.config(), run.provisioner());
            // closed, and so its databases dropped, when the test's context ends
            context.getStore(NAMESPACE).put(parameter.getIndex() + "@" + context.getUniqueId(), checker);
            return checker;
        } catch (DatabaseTestException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }
}
