package io.github.dbtestkit;

import io.github.dbtestkit.core.Messages;
import io.github.dbtestkit.internal.crossengine.CrossEngineSession;
import io.github.dbtestkit.internal.crossengine.EngineConnection;
import io.github.dbtestkit.internal.isolation.TestTransaction;
import io.github.dbtestkit.internal.lifecycle.EngineRun;
import io.github.dbtestkit.internal.lifecycle.SqlScripts;
import io.github.dbtestkit.internal.lifecycle.TestScope;
import io.github.dbtestkit.internal.setup.PreparedDatabase;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a test its {@link CrossEngine}: in the run it executes in (see {@link CrossEngineCondition}), a manual-mode
 * connection in the test's own transaction, which already holds the test's {@code @Sql} data and {@code @BeforeEach}
 * work; on every other engine of the class, a transaction of its own on that engine's prepared database, with the
 * test's {@code @Sql} scripts run in it. Everything is rolled back and released when the test ends.
 */
final class CrossEngineParameterResolver implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CrossEngine.class);

    private final EngineRun run;

    CrossEngineParameterResolver(EngineRun run) {
        this.run = run;
    }

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CrossEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("CrossEngine compares the engines within one test, so it cannot be "
                    + "injected into " + parameter.getDeclaringExecutable().getName() + ": inject it into a test method.");
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(CrossEngineSession.class, key -> open(context),
                CrossEngineSession.class);
    }

    private CrossEngineSession open(ExtensionContext context) {
        List<EngineConnection> sides = new ArrayList<>();
        try {
            for (EngineRun other : CrossEngineCondition.compared(run)) {
                sides.add(other == run ? current(context) : other(other, context));
            }
        } catch (RuntimeException | java.sql.SQLException e) {
            for (EngineConnection side : sides) {
                try {
                    side.end().close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new ParameterResolutionException("Could not give " + context.getRequiredTestMethod().getName()
                    + " its CrossEngine: " + Messages.chain(e), e);
        }
        return new CrossEngineSession(sides, summary -> context.publishReportEntry(CrossEngineSession.REPORT_ENTRY, summary));
    }

    private EngineConnection current(ExtensionContext context) throws java.sql.SQLException {
        TestScope scope = TestScope.of(context, run);
        Connection connection = scope.manualConnection();
        PreparedDatabase database = run.database();
        // the test's scope rolls back and releases it with the test
        return new EngineConnection(run.engine(), connection, database::sessionFactory, () -> { });
    }

    private static EngineConnection other(EngineRun other, ExtensionContext context) throws java.sql.SQLException {
        // borrowed: under parallel execution the other run may end, and release its database, before this test does
        PreparedDatabase database = other.borrow();
        TestTransaction transaction;
        // the engine's tests take turns where it allows one writing transaction at a time (SQLite), and so does this
        io.github.dbtestkit.internal.isolation.Turns.Turn turn = null;
        try {
            turn = database.takeTurn();
            transaction = database.beginTest();
        } catch (java.sql.SQLException | RuntimeException e) {
            if (turn != null) {
                turn.close();
            }
            other.giveBack();
            throw e;
        }
        io.github.dbtestkit.internal.isolation.Turns.Turn held = turn;
        AutoCloseable end = () -> {
            try {
                transaction.close();
            } finally {
                held.close();
                other.giveBack();
            }
        };
        try {
            Connection connection = transaction.newView(false);
            SqlScripts.run(context.getRequiredTestClass(), context.getTestMethod(), connection);
            return new EngineConnection(other.engine(), connection, database::sessionFactory, end);
        } catch (RuntimeException e) {
            try {
                end.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
