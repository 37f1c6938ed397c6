package io.github.dbtestkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link DisabledOnEngine} against the engine of the current run. */
final class DisabledOnEngineCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getElement(), DisabledOnEngine.class)
                .map(a -> EngineConditions.evaluate(context, a.value(), a.disabledReason(), false))
                .orElse(ConditionEvaluationResult.enabled("no @DisabledOnEngine"));
    }
}
