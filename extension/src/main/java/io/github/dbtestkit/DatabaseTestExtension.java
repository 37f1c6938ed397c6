package io.github.dbtestkit;

import io.github.dbtestkit.internal.config.ClassConfiguration;
import io.github.dbtestkit.internal.config.ConfigurationSources;
import io.github.dbtestkit.internal.config.EngineSelection;
import io.github.dbtestkit.internal.config.Settings;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.internal.lifecycle.RunResources;
import io.github.dbtestkit.internal.inject.DatabaseParameterResolver;
import io.github.dbtestkit.internal.lifecycle.DatabaseLifecycle;
import io.github.dbtestkit.internal.lifecycle.EngineRun;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Set;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns a {@link DatabaseTest} class into one run per engine, each with its own database lifecycle and parameter
 * resolver. The engine of a run is kept in the run's store for conditions such as {@link EnabledOnEngine}.
 *
 * <p>JUnit runs a class template's {@code @BeforeAll} and {@code @AfterAll} methods once for all its runs, before any
 * engine is chosen; this extension answers database parameters there with an error that says where to put them.
 *
 * <p>A class none of whose engines {@code dbtestkit.engines} selects is skipped as a whole, with the reason: JUnit
 * evaluates conditions on the class template itself (never on its runs), before asking for any run.
 */
final class DatabaseTestExtension implements ClassTemplateInvocationContextProvider, ParameterResolver, ExecutionCondition {

    private static final Set<Class<?>> DATABASE_TYPES = Set.of(DataSource.class, Connection.class, EntityManager.class,
            EntityManagerFactory.class, Session.class, SessionFactory.class, TestDatabase.class, Migrations.class,
            CrossEngine.class);

    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DatabaseTest.class);

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getRequiredTestClass(), DatabaseTest.class);
    }

    @Override
    public Stream<? extends ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        DatabaseTest annotation = AnnotationSupport.findAnnotation(testClass, DatabaseTest.class).orElseThrow();
        ClassConfiguration config;
        try {
            Settings settings = ConfigurationSources.of(context::getConfigurationParameter).settings();
            config = ClassConfiguration.of(testClass, annotation, settings);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        DatabaseProvisioner provisioner = RunResources.provisioner(context, config.settings());
        return EngineRun.allOf(config, provisioner).stream().map(EngineInvocation::new);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        // only the class template's own context decides; tests and nested classes belong to a run that was selected
        if (context.getTestMethod().isPresent()) {
            EngineRun run = engineRun(context);
            return run == null ? ConditionEvaluationResult.enabled("not in a @DatabaseTest engine run")
                    : CrossEngineCondition.evaluate(context.getRequiredTestMethod(), run);
        }
        if (engineRun(context) != null || context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("inside a @DatabaseTest engine run");
        }
        Class<?> testClass = context.getRequiredTestClass();
        return AnnotationSupport.findAnnotation(testClass, DatabaseTest.class)
                .flatMap(annotation -> skipReason(context, testClass, annotation))
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("runs on the engines dbtestkit.engines selects"));
    }

    private static Optional<String> skipReason(ExtensionContext context, Class<?> testClass, DatabaseTest annotation) {
        try {
            Settings settings = ConfigurationSources.of(context::getConfigurationParameter).settings();
            return EngineSelection.of(testClass, annotation.engines(), settings).skipReason();
        } catch (IllegalArgumentException e) {
            // a bad key or annotation fails the class when its runs are asked for, with the same message
            return Optional.empty();
        }
    }

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        // constructors must see the engine run's store, so this resolver steps aside there
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return engineRun(context) == null && DATABASE_TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String where = parameter.getDeclaringExecutable() instanceof java.lang.reflect.Constructor<?>
                ? "A @TestInstance(PER_CLASS) @DatabaseTest class is constructed once for all its engines"
                : "@BeforeAll and @AfterAll methods of a @DatabaseTest class run once for all its engines";
        throw new ParameterResolutionException(where + ", before any database is ready, so parameter "
                + parameter.getParameter().getType().getSimpleName() + " of " + parameter.getDeclaringExecutable().getName()
                + " cannot be given: inject it into @BeforeEach methods (or use @Sql), where setup is rolled back after"
                + " each test, or into the test methods.");
    }

    /** The engine run of the class template invocation {@code context} belongs to, if any. */
    static EngineRun engineRun(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(EngineRun.class, EngineRun.class);
    }

    private record EngineInvocation(EngineRun run) implements ClassTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return run.config().testClass().getSimpleName() + " [" + run.engine().id() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            boolean skipped = EngineConditions.classDisabledOn(run.config().testClass(), run.engine());
            return List.of(new DatabaseLifecycle(run, skipped), new DatabaseParameterResolver(run),
                    new CrossEngineParameterResolver(run));
        }

        @Override
        public void prepareInvocation(ExtensionContext context) {
            context.getStore(NAMESPACE).put(EngineRun.class, run);
        }
    }
}
