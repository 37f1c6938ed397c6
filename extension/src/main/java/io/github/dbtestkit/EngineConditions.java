package io.github.dbtestkit;

import io.github.dbtestkit.lifecycle.EngineRun;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What {@link EnabledOnEngineCondition} and {@link DisabledOnEngineCondition} share. */
final class EngineConditions {

    private EngineConditions() {
    }

    static ConditionEvaluationResult evaluate(ExtensionContext context, Engine[] engines, String reason, boolean enabledOnThem) {
        EngineRun run = DatabaseTestExtension.engineRun(context);
        if (run == null) {
            return ConditionEvaluationResult.enabled("not inside a @DatabaseTest engine run");
        }
        if (engines.length == 0) {
            throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(
                    (enabledOnThem ? "@EnabledOnEngine" : "@DisabledOnEngine") + " on " + context.getElement().orElse(null)
                            + " names no engine: list at least one.");
        }
        boolean listed = Arrays.asList(engines).contains(run.engine());
        String names = Arrays.stream(engines).map(Engine::id).collect(Collectors.joining(", "));
        String custom = reason.isBlank() ? "" : ": " + reason;
        if (listed == enabledOnThem) {
            return ConditionEvaluationResult.enabled("runs on " + run.engine().id());
        }
        return ConditionEvaluationResult.disabled(enabledOnThem
                ? "Disabled on " + run.engine().id() + ": @EnabledOnEngine(" + names + ")" + custom
                : "Disabled on " + run.engine().id() + ": @DisabledOnEngine(" + names + ")" + custom);
    }
}
