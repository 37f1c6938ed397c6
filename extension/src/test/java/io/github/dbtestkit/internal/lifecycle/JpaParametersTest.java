package io.github.dbtestkit.internal.lifecycle;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** Which classes get their SessionFactory built ahead of time: those that will ask for Hibernate. */
class JpaParametersTest {

    static class ConnectionsOnly {
        @Test
        void plain(Connection connection, DataSource dataSource) {
        }
    }

    static class TakesAnEntityManager {
        @Test
        void persists(EntityManager em) {
        }
    }

    static class InheritsOne extends TakesAnEntityManager {
    }

    static class FactoryInAConstructor {
        FactoryInAConstructor(SessionFactory factory) {
        }
    }

    static class NestedAsksForIt {
        @Nested
        class Inner {
            @Test
            void persists(EntityManager em) {
            }
        }
    }

    interface ChecksWithDefaults {
        default void check(Connection connection) {
        }
    }

    interface SessionsByDefault {
        default void persist(Session session) {
        }
    }

    static class ImplementsAnInterface implements ChecksWithDefaults {
    }

    static class ImplementsASessionInterface implements SessionsByDefault {
    }

    @Test
    void interfacesAreSearchedToo() {
        assertThat(JpaParameters.declaredBy(ImplementsAnInterface.class)).as("an interface has no superclass").isFalse();
        assertThat(JpaParameters.declaredBy(ImplementsASessionInterface.class)).as("a default method's parameter").isTrue();
    }

    @Test
    void aClassThatTakesOnlyConnectionsAsksForNoFactory() {
        assertThat(JpaParameters.declaredBy(ConnectionsOnly.class)).isFalse();
    }

    @Test
    void aClassThatTakesAnEntityManagerSomewhereAsksForTheFactory() {
        assertThat(JpaParameters.declaredBy(TakesAnEntityManager.class)).isTrue();
        assertThat(JpaParameters.declaredBy(InheritsOne.class)).as("from its superclass").isTrue();
        assertThat(JpaParameters.declaredBy(FactoryInAConstructor.class)).as("in a constructor").isTrue();
        assertThat(JpaParameters.declaredBy(NestedAsksForIt.class)).as("in a @Nested class").isTrue();
    }
}
