package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.schema.ReportFormat;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** Reads {@code --format} as the CLI spells formats: {@code text}, {@code json}, {@code junit-xml}... */
final class ReportFormatConverter implements CommandLine.ITypeConverter<ReportFormat> {

    /** The spelling on the command line. */
    static String cliName(ReportFormat format) {
        return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public ReportFormat convert(String value) {
        return Arrays.stream(ReportFormat.values())
                .filter(f -> cliName(f).equalsIgnoreCase(value.strip()) || f.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new CommandLine.TypeConversionException("'" + value + "' is not a report format;"
                        + " use one of " + String.join(", ", new Candidates()) + "."));
    }

    /** The values {@code --help} lists. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ReportFormat.values()).map(ReportFormatConverter::cliName).iterator();
        }
    }
}
