package io.github.dbtestkit.core.internal.engine;

import java.util.regex.Pattern;

/** The rule every engine applies to database names, so a name is safe in URLs and unquoted SQL alike. */
final class DatabaseNames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9_]{1,63}");

    private DatabaseNames() {
    }

    static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    static String requireValid(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name '" + name
                    + "' is not valid: use 1 to 63 lower-case letters, digits and underscores.");
        }
        return name;
    }
}
