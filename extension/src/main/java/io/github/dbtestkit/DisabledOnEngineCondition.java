package io.github.dbtestkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Evaluates {@link DisabledOnEngine} against the engine of the current run. */
final class DisabledOnEngineCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return EngineConditions.evaluate(context, DisabledOnEngine.class, DisabledOnEngine::value,
                DisabledOnEngine::disabledReason, false);
    }
}
