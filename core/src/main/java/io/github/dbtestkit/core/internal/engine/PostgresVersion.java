package io.github.dbtestkit.core.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and compares PostgreSQL versions: what binaries are ({@code postgres --version}), what a pin asks for. */
final class PostgresVersion {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+(?:\\.\\d+)?)");

    private PostgresVersion() {
    }

    /** The version of the binaries in {@code binDir}, e.g. {@code 17.11}; {@code postgres --version} runs even as root. */
    static Optional<String> of(Path binDir) {
        try {
            Process process = new ProcessBuilder(binDir.resolve("postgres").toString(), "--version").redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return parse(output);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<String> parse(String versionOutput) {
        Matcher matcher = VERSION.matcher(versionOutput);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether {@code version} satisfies {@code pin}: {@code 15} accepts any 15.x, {@code 15.4} only 15.4. */
    static boolean matches(String version, String pin) {
        String p = pin.trim();
        return version.equals(p) || version.startsWith(p + ".");
    }
}
