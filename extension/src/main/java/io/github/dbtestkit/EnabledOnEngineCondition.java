package io.github.dbtestkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link EnabledOnEngine} against the engine of the current run. */
final class EnabledOnEngineCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getElement(), EnabledOnEngine.class)
                .map(a -> EngineConditions.evaluate(context, a.value(), a.disabledReason(), true))
                .orElse(ConditionEvaluationResult.enabled("no @EnabledOnEngine"));
    }
}
