package io.github.dbtestkit;

import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fails a {@link DatabaseTest} class early, with the version to use, when JUnit Jupiter is older than 5.14.
 *
 * <p>{@code @DatabaseTest} runs a class once per engine as a {@code @ClassTemplate}, which JUnit Jupiter 5.13
 * introduced. On an older JUnit the JVM silently drops that meta-annotation, the class runs as a plain class, and the
 * first touch of {@link DatabaseTestExtension} (which implements {@code ClassTemplateInvocationContextProvider}) ends
 * in a {@code NoClassDefFoundError}. This extension is registered before it on {@code @DatabaseTest} and refers to
 * nothing newer than JUnit 5.0, so JUnit instantiates it first and its constructor throws the message instead.
 *
 * <pre>{@code
 * JupiterVersionCheck.problem("5.12.2", "5.12.2", false)  // Optional["dbtestkit needs JUnit Jupiter 5.14 or later ..."]
 * JupiterVersionCheck.problem("6.0.3", "6.0.3", true)     // Optional.empty()
 * }</pre>
 */
final class JupiterVersionCheck implements Extension {

    static final String MINIMUM = "5.14";
    private static final int MINIMUM_MAJOR = 5;
    private static final int MINIMUM_MINOR = 14;
    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)");

    /** Checked once per JVM: the versions on the class path do not change while tests run. */
    private static final Optional<String> PROBLEM = problem(
            implementationVersion("org.junit.jupiter.api.Test"),
            implementationVersion("org.junit.jupiter.engine.JupiterTestEngine"),
            isPresent("org.junit.jupiter.api.ClassTemplate"));

    JupiterVersionCheck() {
        PROBLEM.ifPresent(message -> {
            throw new ExtensionConfigurationException(message);
        });
    }

    /**
     * What is wrong with these JUnit Jupiter versions, if anything.
     *
     * @param apiVersion          junit-jupiter-api's version, or {@code null} when its jar does not say
     * @param engineVersion       junit-jupiter-engine's version, or {@code null} when unknown or not on the class path
     * @param classTemplatePresent whether {@code org.junit.jupiter.api.ClassTemplate} can be loaded
     * @return the message for the user, or empty when the versions are supported
     */
    static Optional<String> problem(String apiVersion, String engineVersion, boolean classTemplatePresent) {
        if (isTooOld(apiVersion)) {
            return Optional.of(message("junit-jupiter-api " + apiVersion));
        }
        if (isTooOld(engineVersion)) {
            return Optional.of(message("junit-jupiter-engine " + engineVersion));
        }
        if (!classTemplatePresent) {
            String found = apiVersion == null ? "a junit-jupiter-api" : "junit-jupiter-api " + apiVersion;
            return Optional.of(message(found + " without org.junit.jupiter.api.ClassTemplate"));
        }
        return Optional.empty();
    }

    /** An unknown or unreadable version is not held against the user: the class check still applies. */
    static boolean isTooOld(String version) {
        if (version == null) {
            return false;
        }
        Matcher matcher = MAJOR_MINOR.matcher(version.trim());
        if (!matcher.lookingAt()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        return major < MINIMUM_MAJOR || (major == MINIMUM_MAJOR && minor < MINIMUM_MINOR);
    }

    private static String message(String found) {
        return "dbtestkit needs JUnit Jupiter " + MINIMUM + " or later, but found " + found + ": @DatabaseTest runs"
                + " each class once per engine as a @ClassTemplate (JUnit 5.13+), and dbtestkit is tested on 5.14 and"
                + " 6.0. Use JUnit 5.14.x or 6.0.x for every JUnit artifact, e.g. import org.junit:junit-bom:5.14.4"
                + " in <dependencyManagement> (Gradle: testImplementation(platform(\"org.junit:junit-bom:5.14.4\"))),"
                + " or, under Spring Boot's dependency management, set the property junit-jupiter.version=5.14.4.";
    }

    private static String implementationVersion(String className) {
        try {
            Class<?> type = Class.forName(className, false, JupiterVersionCheck.class.getClassLoader());
            Package pkg = type.getPackage();
            return pkg == null ? null : pkg.getImplementationVersion();
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, JupiterVersionCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
