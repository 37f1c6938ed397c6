package io.github.dbtestkit;

import io.github.dbtestkit.internal.lifecycle.EngineRun;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@link EnabledOnEngineCondition} and {@link DisabledOnEngineCondition} share.
 *
 * <p>JUnit never skips a class template invocation as a whole, so an annotation on the class is applied to each of
 * its tests: they are reported as skipped on the other engines, each with the reason. Method and class annotations
 * must both allow a test for it to run.
 */
final class EngineConditions {

    private EngineConditions() {
    }

    static <A extends Annotation> ConditionEvaluationResult evaluate(ExtensionContext context, Class<A> type,
                                                                      Function<A, Engine[]> engines,
                                                                      Function<A, String> reason, boolean enabledOnThem) {
        EngineRun run = DatabaseTestExtension.engineRun(context);
        if (run == null) {
            return ConditionEvaluationResult.enabled("not inside a @DatabaseTest engine run");
        }
        for (A annotation : annotations(context, type)) {
            Optional<String> disabled = disabledBy(run.engine(), engines.apply(annotation), reason.apply(annotation),
                    type.getSimpleName(), enabledOnThem);
            if (disabled.isPresent()) {
                return ConditionEvaluationResult.disabled(disabled.get());
            }
        }
        return ConditionEvaluationResult.enabled("runs on " + run.engine().id());
    }

    /** Whether the class's own annotation rules out {@code engine}, so its database need not be prepared. */
    static boolean classDisabledOn(Class<?> testClass, Engine engine) {
        return AnnotationSupport.findAnnotation(testClass, EnabledOnEngine.class)
                        .flatMap(a -> disabledBy(engine, a.value(), "", "EnabledOnEngine", true)).isPresent()
                || AnnotationSupport.findAnnotation(testClass, DisabledOnEngine.class)
                        .flatMap(a -> disabledBy(engine, a.value(), "", "DisabledOnEngine", false)).isPresent();
    }

    private static <A extends Annotation> List<A> annotations(ExtensionContext context, Class<A> type) {
        List<A> found = new ArrayList<>();
        Optional<AnnotatedElement> element = context.getElement();
        element.flatMap(e -> AnnotationSupport.findAnnotation(e, type)).ifPresent(found::add);
        if (context.getTestMethod().isPresent()) {
            AnnotationSupport.findAnnotation(context.getRequiredTestClass(), type).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<String> disabledBy(Engine engine, Engine[] engines, String reason, String annotation,
                                               boolean enabledOnThem) {
        if (engines.length == 0) {
            throw new ExtensionConfigurationException("@" + annotation + " names no engine: list at least one.");
        }
        boolean listed = Arrays.asList(engines).contains(engine);
        if (listed == enabledOnThem) {
            return Optional.empty();
        }
        String names = Arrays.stream(engines).map(Engine::id).collect(Collectors.joining(", "));
        return Optional.of("Disabled on " + engine.id() + ": @" + annotation + "(" + names + ")"
                + (reason.isBlank() ? "" : ": " + reason));
    }
}
