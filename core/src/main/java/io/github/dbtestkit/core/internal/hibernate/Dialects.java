package io.github.dbtestkit.core.internal.hibernate;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.internal.engine.ClassPresence;

/**
 * The Hibernate dialect for each engine, and the dependency that brings it.
 *
 * <pre>{@code
 * String dialect = Dialects.dialectFor(EngineKind.SQLITE); // checks hibernate-community-dialects is present
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Dialects {

    private Dialects() {
    }

    /**
     * The dialect's class name for {@code engine}.
     *
     * @throws ProvisioningException naming the Maven coordinates when the dialect is not on the classpath
     */
    public static String dialectFor(EngineKind engine) {
        String dialect = engine.dialect();
        if (!ClassPresence.isPresent(dialect)) {
            throw new ProvisioningException("Hibernate on " + engine.displayName() + " needs " + dialect
                    + ", which is in org.hibernate.orm:hibernate-community-dialects: add it to the test classpath"
                    + " (same version as hibernate-core).");
        }
        return dialect;
    }

    /**
     * The product name Hibernate's dialect resolution knows the engine by, after checking that its dialect is present.
     *
     * @throws ProvisioningException naming the Maven coordinates when the dialect is not on the classpath
     */
    public static String productName(EngineKind engine) {
        dialectFor(engine);
        return engine.productName();
    }
}
