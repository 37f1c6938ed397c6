package io.github.dbtestkit.internal.config;

import org.apiguardian.api.API;
import io.github.dbtestkit.Engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The engines one test class runs on in this run: the engines it declares (or {@code dbtestkit.engines.override}'s,
 * when set), narrowed to those {@code dbtestkit.engines} selects. A class none of whose engines is selected is
 * skipped, with a reason that names its engines and the key.
 *
 * <pre>{@code
 * EngineSelection selection = EngineSelection.of(OrderTest.class, annotation.engines(), settings);
 * selection.skipReason().ifPresent(reason -> ...); // else run selection.engines()
 * }</pre>
 *
 * @param engines    the engines to run on, in the class's order; empty when the class is skipped
 * @param skipReason why the class runs on no engine, if it does not
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record EngineSelection(List<Engine> engines, Optional<String> skipReason) {

    /** Copies the list. */
    public EngineSelection {
        engines = List.copyOf(engines);
    }

    /**
     * Applies the run's engine keys to the engines {@code testClass} declares.
     *
     * @throws IllegalArgumentException when the class declares no engine at all ({@code engines = {}})
     */
    public static EngineSelection of(Class<?> testClass, Engine[] declared, Settings settings) {
        List<Engine> own = Arrays.stream(declared).distinct().toList();
        if (own.isEmpty()) {
            // checked even under an override, so that the mistake does not depend on how a CI job is configured
            throw new IllegalArgumentException("@DatabaseTest(engines = {}) on " + testClass.getName()
                    + " names no engine: list at least one, or leave engines out for H2.");
        }
        List<Engine> candidates = settings.enginesOverride().orElse(own);
        if (settings.engines().isEmpty()) {
            return new EngineSelection(candidates, Optional.empty());
        }
        List<Engine> selected = settings.engines().get();
        List<Engine> engines = candidates.stream().filter(selected::contains).toList();
        if (!engines.isEmpty()) {
            return new EngineSelection(engines, Optional.empty());
        }
        String whose = settings.enginesOverride().isPresent()
                ? testClass.getSimpleName() + " runs on " + candidates + " (" + Settings.ENGINES_OVERRIDE + "="
                        + ids(candidates) + ")"
                : testClass.getSimpleName() + " declares " + own;
        return new EngineSelection(List.of(), Optional.of(whose + "; " + Settings.ENGINES + "=" + ids(selected)
                + " selects none of them"));
    }

    /** Whether the class runs on no engine in this run. */
    public boolean skipped() {
        return skipReason.isPresent();
    }

    private static String ids(List<Engine> engines) {
        return engines.stream().map(Engine::id).collect(Collectors.joining(","));
    }
}
