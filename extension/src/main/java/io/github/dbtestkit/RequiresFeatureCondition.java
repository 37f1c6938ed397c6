package io.github.dbtestkit;

import io.github.dbtestkit.internal.lifecycle.EngineRun;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates {@link RequiresFeature} against the engine of the current run and the version its database reports. The
 * version is read once per run and kept in the root store. When the database cannot be prepared, the test runs and
 * reports that failure itself.
 */
final class RequiresFeatureCondition implements ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RequiresFeatureCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        EngineRun run = DatabaseTestExtension.engineRun(context);
        List<RequiresFeature> annotations = annotations(context);
        if (run == null || context.getTestMethod().isEmpty() || annotations.isEmpty()) {
            // each test of a class decides for itself: JUnit never skips a class template invocation as a whole
            return ConditionEvaluationResult.enabled("not inside a @DatabaseTest engine run, or no feature required");
        }
        String version;
        try {
            version = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(run, RequiresFeatureCondition::version, String.class);
        } catch (RuntimeException e) {
            return ConditionEvaluationResult.enabled("the database could not be prepared; the test reports why");
        }
        for (RequiresFeature annotation : annotations) {
            if (annotation.value().length == 0) {
                throw new ExtensionConfigurationException("@RequiresFeature names no feature: list at least one.");
            }
            for (Feature feature : annotation.value()) {
                if (!feature.supportedBy(run.engine(), version)) {
                    return ConditionEvaluationResult.disabled("Skipped on " + run.engine().id() + " "
                            + Feature.shortVersion(version) + ": no " + feature.description() + " " + feature.whoHasIt());
                }
            }
        }
        return ConditionEvaluationResult.enabled(run.engine().id() + " " + Feature.shortVersion(version)
                + " has every feature required");
    }

    private static List<RequiresFeature> annotations(ExtensionContext context) {
        List<RequiresFeature> found = new ArrayList<>();
        context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, RequiresFeature.class))
                .ifPresent(found::add);
        context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, RequiresFeature.class))
                .ifPresent(found::add);
        return found;
    }

    /** The product version the run's database reports, from a physical connection of its own. */
    private static String version(EngineRun run) {
        try (Connection connection = run.database().instance().dataSource().getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
