package io.github.dbtestkit.schema.corpus;

import io.github.dbtestkit.core.EngineKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects, per corpus case and engine, whether dbtestkit and Hibernate's validator caught the drift, and writes the
 * markdown table docs/schema-validation.md carries (target/corpus/*.md).
 */
final class CorpusTable {

    /** What one case produced on one engine: whether we caught it, and Hibernate's verdict in words. */
    record Outcome(boolean ours, String hibernate) {
    }

    private final Map<Corpus.Case, Map<EngineKind, Outcome>> rows = new LinkedHashMap<>();

    synchronized void record(Corpus.Case c, EngineKind engine, boolean ours, String hibernate) {
        rows.computeIfAbsent(c, k -> new EnumMap<>(EngineKind.class)).put(engine, new Outcome(ours, hibernate));
    }

    synchronized void write(String file, boolean drift) {
        List<String> lines = new ArrayList<>();
        if (drift) {
            lines.add("| # | drift case | expected finding | dbtestkit H2 / SQLite / PG | Hibernate validate H2 / SQLite / PG |");
        } else {
            lines.add("| # | correct schema | dbtestkit H2 / SQLite / PG (no error or warning) | Hibernate validate H2 / SQLite / PG |");
        }
        lines.add(drift ? "|---|---|---|---|---|" : "|---|---|---|---|");
        int n = 0;
        for (Map.Entry<Corpus.Case, Map<EngineKind, Outcome>> row : rows.entrySet()) {
            StringBuilder ours = new StringBuilder();
            StringBuilder hibernate = new StringBuilder();
            for (EngineKind engine : EngineKind.values()) {
                Outcome o = row.getValue().get(engine);
                String sep = engine == EngineKind.H2 ? "" : " / ";
                if (o == null) {
                    ours.append(sep).append("n/a");
                    hibernate.append(sep).append("n/a");
                    continue;
                }
                ours.append(sep).append(o.ours() ? "yes" : "NO");
                hibernate.append(sep).append(o.hibernate());
            }
            Corpus.Case c = row.getKey();
            lines.add("| " + (++n) + " | " + c.name() + " | " + (drift ? "`" + c.finding() + "` | " : "") + ours
                    + " | " + hibernate + " |");
        }
        try {
            Path out = Path.of("target", "corpus", file);
            Files.createDirectories(out.getParent());
            Files.write(out, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
