package io.github.dbtestkit.internal.lifecycle;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;

/**
 * Gives one engine run of a test class its database and each test its isolation: the database is prepared before
 * the class's tests (a failure is reported by every test), each test's scope is begun before {@code @BeforeEach}
 * methods, {@code @Sql} scripts run inside it, and it is closed after {@code @AfterEach} methods.
 *
 * <pre>{@code
 * new DatabaseLifecycle(run) // registered by @DatabaseTest for each engine
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DatabaseLifecycle implements BeforeClassTemplateInvocationCallback, BeforeEachCallback, AfterEachCallback,
        AfterClassTemplateInvocationCallback {

    /** The report entry key under which each engine run publishes its engine's id ({@code h2}, {@code postgresql}). */
    public static final String ENGINE_ENTRY = "dbtestkit.engine";

    /** The report entry key under which a failed test's kept database is published ({@code dbtestkit.keep-failed}). */
    public static final String KEPT_ENTRY = "dbtestkit.kept";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DatabaseLifecycle.class);

    private final EngineRun run;
    private final boolean classSkipped;

    /**
     * Lifecycle of {@code run}.
     *
     * @param classSkipped the class's own condition rules this engine out: every test is skipped, so the database is
     *                     not prepared (no server started for nothing)
     */
    public DatabaseLifecycle(EngineRun run, boolean classSkipped) {
        this.run = run;
        this.classSkipped = classSkipped;
    }

    /**
     * Prepares the database before the run's first test, so that start-up and schema costs are not charged to that
     * test. (Extensions a class template invocation registers receive this callback, not {@code beforeAll}.)
     */
    @Override
    public void beforeClassTemplateInvocation(ExtensionContext context) {
        // the run report learns each engine run's engine from this entry, not from its display name
        context.publishReportEntry(ENGINE_ENTRY, run.engine().id());
        if (classSkipped) {
            return;
        }
        try {
            run.database();
        } catch (RuntimeException e) {
            // kept by the run: every test reports it, so none silently vanishes from the results
        }
        java.util.Map<String, String> facts = RunFacts.of(run);
        if (!facts.isEmpty()) {
            // the run report's header: provider, version, masked URL, schema and its validation
            context.publishReportEntry(facts);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        TestScope scope = TestScope.of(context, run);
        if (SqlScripts.declared(context.getRequiredTestClass(), context.getTestMethod())) {
            try (Connection connection = scope.connection()) {
                SqlScripts.run(context.getRequiredTestClass(), context.getTestMethod(), connection);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestScope scope = TestScope.existing(context);
        if (scope == null) {
            return;
        }
        if (context.getExecutionException().isEmpty()) {
            scope.close();
            return;
        }
        String test = context.getRequiredTestClass().getSimpleName() + "#" + context.getRequiredTestMethod().getName();
        java.util.Optional<String> kept = scope.closeFailed(test, run.config().settings().reportDir().resolve("kept"));
        kept.ifPresent(message -> {
            LOG.warn(message);
            context.publishReportEntry(KEPT_ENTRY, message);
        });
    }

    /** Releases a database only this class could use (schema or isolation NONE) as soon as its run ends. */
    @Override
    public void afterClassTemplateInvocation(ExtensionContext context) {
        run.finish();
    }
}
