package io.github.dbtestkit;

import io.github.dbtestkit.config.ClassConfiguration;
import io.github.dbtestkit.config.ConfigurationSources;
import io.github.dbtestkit.config.Settings;
import io.github.dbtestkit.inject.DatabaseParameterResolver;
import io.github.dbtestkit.lifecycle.DatabaseLifecycle;
import io.github.dbtestkit.lifecycle.EngineRun;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a {@link DatabaseTest} class into one run per engine, each with its own database lifecycle and parameter
 * resolver. The engine of a run is kept in the run's store for conditions such as {@link EnabledOnEngine}.
 */
final class DatabaseTestExtension implements ClassTemplateInvocationContextProvider {

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
        return config.engines().stream().map(engine -> new EngineInvocation(new EngineRun(engine, config)));
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
            return List.of(new DatabaseLifecycle(run, skipped), new DatabaseParameterResolver(run));
        }

        @Override
        public void prepareInvocation(ExtensionContext context) {
            context.getStore(NAMESPACE).put(EngineRun.class, run);
        }
    }
}
