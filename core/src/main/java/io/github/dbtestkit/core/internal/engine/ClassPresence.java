package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.ProvisioningException;
import java.util.function.Predicate;

/** Looks up optional classes (drivers, zonky, Testcontainers) without initialising them. */
final class ClassPresence {

    private ClassPresence() {
    }

    /** Tells whether a class can be loaded by dbtestkit's or the thread's class loader. */
    static Predicate<String> onClasspath() {
        return ClassPresence::isPresent;
    }

    static boolean isPresent(String className) {
        try {
            load(className);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static Class<?> load(String className) throws ClassNotFoundException {
        try {
            return Class.forName(className, false, ClassPresence.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context == null) {
                throw e;
            }
            return Class.forName(className, false, context);
        }
    }

    static Class<?> loadOrFail(String className) {
        try {
            return load(className);
        } catch (ClassNotFoundException e) {
            throw new ProvisioningException("Class " + className + " is not on the classpath", e);
        }
    }
}
