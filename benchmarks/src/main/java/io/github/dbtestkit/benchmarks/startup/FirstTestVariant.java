package io.github.dbtestkit.benchmarks.startup;

import java.util.List;

/**
 * One kind of child JVM in {@link FirstTestBenchmark}: which test it runs ({@link FirstTestChild}'s variant), on which
 * {@code java}, with which extra JVM flags (a cut under measurement: a system property, an AppCDS archive), and the
 * variant it is compared with, if any.
 *
 * <pre>{@code
 * FirstTestVariant em = FirstTestVariant.standard("h2-em", "dbtestkit h2, EntityManager test", "h2-em");
 * FirstTestVariant cut = em.cut("h2-em-nobg", "background off", List.of("-Ddbtestkit.session-factory.background=false"));
 * }</pre>
 *
 * @param key      a short id, also the name of its flight recording
 * @param label    how the tables name it
 * @param child    the {@link FirstTestChild} variant it runs
 * @param java     the {@code java} binary
 * @param flags    JVM flags before the standard ones
 * @param baseline the key of the variant this one is a cut of ({@code null}: none)
 * @param classPath the child's class path ({@code null}: this JVM's)
 */
record FirstTestVariant(String key, String label, String child, String java, List<String> flags, String baseline,
                        String classPath) {

    FirstTestVariant {
        flags = List.copyOf(flags);
    }

    /** A variant on this JVM's {@code java} with no extra flags. */
    static FirstTestVariant standard(String key, String label, String child) {
        return new FirstTestVariant(key, label, child, ChildJvm.javaBinary(), List.of(), null, null);
    }

    /** This variant with {@code moreFlags} added, under a new key and label, compared with this one. */
    FirstTestVariant cut(String cutKey, String cutLabel, List<String> moreFlags) {
        List<String> all = new java.util.ArrayList<>(flags);
        all.addAll(moreFlags);
        return new FirstTestVariant(cutKey, cutLabel, child, java, all, key, classPath);
    }

    /** This variant on another {@code java}, under a new key and label, with no baseline. */
    FirstTestVariant on(String otherJava, String otherKey, String otherLabel) {
        return new FirstTestVariant(otherKey, otherLabel, child, otherJava, flags, null, classPath);
    }

    /** This variant on {@code otherClassPath}, under a new key and label, with no baseline. */
    FirstTestVariant withClassPath(String otherClassPath, String otherKey, String otherLabel) {
        return new FirstTestVariant(otherKey, otherLabel, child, java, flags, null, otherClassPath);
    }
}
