package io.github.dbtestkit.schema.internal.report;

import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.baseline.AcceptedDifference;
import io.github.dbtestkit.schema.baseline.BaselineEntry;

/**
 * One line of any rendering: an open finding, an accepted one, or a stale baseline entry, so every renderer
 * treats the three the same way.
 */
record Finding(Status status, Severity severity, DifferenceKind kind, String rule, String table, String column,
               String expected, String actual, String message, String reason, String origin) {

    /** Where a finding stands; the order is the order within a table. */
    enum Status {
        ERROR("ERROR"), WARNING("WARNING"), STALE("WARNING"), INFO("INFO"), ACCEPTED("ACCEPTED");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The word renderings show: stale entries show as the warnings they count as. */
        String label() {
            return label;
        }
    }

    static Finding open(Difference d) {
        Status status = switch (d.severity()) {
            case ERROR -> Status.ERROR;
            case WARNING -> Status.WARNING;
            case INFO -> Status.INFO;
        };
        return new Finding(status, d.severity(), d.kind(), d.rule(), d.table(), d.column(), d.expected(), d.actual(),
                d.message(), null, null);
    }

    static Finding accepted(AcceptedDifference a) {
        Difference d = a.difference();
        return new Finding(Status.ACCEPTED, d.severity(), d.kind(), d.rule(), d.table(), d.column(), d.expected(),
                d.actual(), d.message(), a.reason(), a.entry().origin());
    }

    static Finding stale(BaselineEntry e) {
        String where = e.origin() == null ? "" : " (" + e.origin() + ")";
        return new Finding(Status.STALE, Severity.WARNING, e.kind(), e.kind().rule(), e.table(), e.column(),
                e.expected(), e.actual(),
                "Stale baseline entry" + where + ": no such difference any more; remove it from the baseline.",
                e.reason(), e.origin());
    }

    /** {@code table.column}, or the table alone for table-level findings. */
    String location() {
        return column == null ? table : table + "." + column;
    }

    /** {@code expected varchar(255), found integer}, or what part of it is known; empty when neither is. */
    String detail() {
        StringBuilder detail = new StringBuilder();
        if (expected != null) {
            detail.append("expected ").append(expected);
        }
        if (actual != null) {
            detail.append(detail.isEmpty() ? "" : ", ").append("found ").append(actual);
        }
        return detail.toString();
    }
}
