package io.github.dbtestkit.schema.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * H2 and SQLite create an empty database when a file URL names a file that does not exist; a schema check would
 * then report every table missing and leave a stray file behind. A typo in {@code --url} should be a usage error.
 */
final class FileDatabases {

    private FileDatabases() {
    }

    /** The URL to connect with: H2 file URLs gain {@code IFEXISTS=TRUE}; a missing SQLite file is an error. */
    static String requireExisting(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            String path = url.substring("jdbc:sqlite:".length());
            int query = path.indexOf('?');
            path = query < 0 ? path : path.substring(0, query);
            if (!path.isEmpty() && !path.startsWith(":") && !path.startsWith("file:") && !Files.exists(Path.of(path))) {
                throw new CliException("The SQLite database file " + path + " from --url does not exist (looked for "
                        + Path.of(path).toAbsolutePath() + "): check the path.");
            }
            return url;
        }
        boolean h2File = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:")
                && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
        if (h2File && !lower.contains("ifexists=")) {
            return url + ";IFEXISTS=TRUE";
        }
        return url;
    }
}
