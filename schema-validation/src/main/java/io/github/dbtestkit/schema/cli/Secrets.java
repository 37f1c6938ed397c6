package io.github.dbtestkit.schema.cli;

/** Keeps credentials out of everything the CLI prints. */
final class Secrets {

    private static final String MASK = "***";

    private Secrets() {
    }

    /** The JDBC URL with user info and password parameters masked, fit for messages. */
    static String redactUrl(String url) {
        if (url == null) {
            return "";
        }
        return url.replaceAll("(?i)((?:password|pwd|pass)=)[^&;]*", "$1" + MASK)
                .replaceAll("//[^/@?;]*@", "//" + MASK + "@");
    }

    /** The text with every occurrence of the password masked, in case a driver echoed it. */
    static String scrub(String text, String password) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, MASK);
    }
}
