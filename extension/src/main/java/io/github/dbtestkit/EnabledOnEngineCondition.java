package io.github.dbtestkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Evaluates {@link EnabledOnEngine} against the engine of the current run. */
final class EnabledOnEngineCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return EngineConditions.evaluate(context, EnabledOnEngine.class, EnabledOnEngine::value,
                EnabledOnEngine::disabledReason, true);
    }
}
