package io.github.dbtestkit.schema.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/**
 * The JSON format, version {@value #VERSION}: built as a Jackson tree so field order is fixed and every documented
 * field is always present ({@code null} when absent). Adding fields keeps the version; renaming or removing bumps it.
 */
final class JsonRenderer {

    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonRenderer() {
    }

    static String render(ReportModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("engine", model.report().engine());
        root.put("database", model.report().database());
        root.put("matches", model.counts().errors() == 0);
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", model.counts().errors());
        summary.put("warnings", model.counts().warnings());
        summary.put("infos", model.counts().infos());
        summary.put("accepted", model.counts().accepted());
        summary.put("stale", model.counts().stale());
        ArrayNode differences = root.putArray("differences");
        ArrayNode accepted = root.putArray("accepted");
        ArrayNode stale = root.putArray("stale");
        for (Finding f : model.findings()) {
            switch (f.status()) {
                case ACCEPTED -> finding(accepted.addObject(), f).put("reason", f.reason()).put("origin", f.origin());
                case STALE -> finding(stale.addObject(), f).put("reason", f.reason()).put("origin", f.origin());
                default -> finding(differences.addObject(), f);
            }
        }
        ArrayNode hints = root.putArray("hints");
        model.report().hints().forEach(hints::add);
        ArrayNode notes = root.putArray("notes");
        model.report().notes().forEach(notes::add);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot render the schema report as JSON", e);
        }
    }

    private static ObjectNode finding(ObjectNode node, Finding f) {
        return node.put("kind", f.kind().name())
                .put("rule", f.rule())
                .put("severity", f.severity().name())
                .put("table", f.table())
                .put("column", f.column())
                .put("expected", f.expected())
                .put("actual", f.actual())
                .put("message", f.message());
    }
}
