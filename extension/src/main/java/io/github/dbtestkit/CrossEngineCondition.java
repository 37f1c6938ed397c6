package io.github.dbtestkit;

import io.github.dbtestkit.internal.lifecycle.EngineRun;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A test that takes a {@link CrossEngine} compares every engine of its class at once, so it runs once: in the first
 * engine run of the class that its class's own engine conditions leave in. In the other runs it is skipped with a
 * reason that says where it ran; with fewer than two engines there is nothing to compare, and it is skipped with a
 * reason that says how to get more.
 */
final class CrossEngineCondition {

    private CrossEngineCondition() {
    }

    static ConditionEvaluationResult evaluate(Method test, EngineRun run) {
        if (Arrays.stream(test.getParameterTypes()).noneMatch(CrossEngine.class::equals)) {
            return ConditionEvaluationResult.enabled("not a cross-engine test");
        }
        List<EngineRun> compared = compared(run);
        String engines = compared.stream().map(r -> r.engine().id()).collect(Collectors.joining(", "));
        if (compared.size() < 2) {
            return ConditionEvaluationResult.disabled("CrossEngine compares the engines of the class, and this run has"
                    + " only " + (engines.isEmpty() ? "none" : engines) + ": list two or more in @DatabaseTest(engines)"
                    + ", or widen dbtestkit.engines");
        }
        if (compared.get(0) != run) {
            return ConditionEvaluationResult.disabled("CrossEngine test: it runs once, in the ["
                    + compared.get(0).engine().id() + "] run, where it compares " + engines);
        }
        return ConditionEvaluationResult.enabled("cross-engine test, comparing " + engines);
    }

    /** The runs a cross-engine test of {@code run}'s class compares: those its class conditions leave in. */
    static List<EngineRun> compared(EngineRun run) {
        return run.classRuns().stream()
                .filter(r -> !EngineConditions.classDisabledOn(r.config().testClass(), r.engine()))
                .toList();
    }
}
