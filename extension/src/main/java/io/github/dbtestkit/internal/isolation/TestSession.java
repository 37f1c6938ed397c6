package io.github.dbtestkit.internal.isolation;

import org.apiguardian.api.API;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The {@code EntityManager} / {@code Session} injected into a test: a Hibernate session whose transaction is already
 * active, so {@code persist}, {@code flush} and queries work at once, as in a transactional test.
 *
 * <pre>{@code
 * try (TestSession s = TestSession.open(sessionFactory)) { s.session().persist(post); s.session().flush(); }
 * }</pre>
 *
 * <p>Code under test may still call {@code getTransaction().begin()}, {@code commit()} and {@code rollback()}:
 * {@code begin()} joins the active transaction instead of failing; {@code commit()} and {@code rollback()} do their
 * work (contained by the test's connection views) and a new transaction starts underneath, so the session stays
 * usable, while {@code isActive()} answers as JPA says until {@code begin()} is called again.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TestSession implements AutoCloseable {

    private enum State { IMPLICIT, EXPLICIT, ENDED }

    private final Session real;
    private final Session proxy;
    private final Transaction transactionProxy;
    private State state = State.IMPLICIT;

    private TestSession(Session real) {
        this.real = real;
        ClassLoader loader = TestSession.class.getClassLoader();
        this.transactionProxy = (Transaction) Proxy.newProxyInstance(loader, new Class<?>[] {Transaction.class}, this::onTransaction);
        this.proxy = (Session) Proxy.newProxyInstance(loader, new Class<?>[] {Session.class}, new SessionHandler());
    }

    /** Opens a session on {@code factory} and begins its transaction. */
    public static TestSession open(SessionFactory factory) {
        Session session = factory.openSession();
        try {
            session.getTransaction().begin();
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return new TestSession(session);
    }

    /** The session to hand to the test; it is also its {@code EntityManager}. */
    public Session session() {
        return proxy;
    }

    private Object onTransaction(Object self, Method method, Object[] args) throws Throwable {
        Transaction transaction = real.getTransaction();
        switch (method.getName()) {
            case "begin" -> {
                if (state == State.EXPLICIT) {
                    throw new IllegalStateException("Transaction already active");
                }
                ensureRealTransaction();
                state = State.EXPLICIT;
                return null;
            }
            case "commit", "rollback" -> {
                if (state == State.ENDED) {
                    throw new IllegalStateException("Transaction not active");
                }
                invoke(transaction, method, args);
                state = State.ENDED;
                ensureRealTransaction();
                return null;
            }
            case "isActive" -> {
                return state != State.ENDED && transaction.isActive();
            }
            case "equals" -> {
                return self == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(self);
            }
            case "toString" -> {
                return "dbtestkit test transaction (" + state + ")";
            }
            default -> {
                return invoke(transaction, method, args);
            }
        }
    }

    private void ensureRealTransaction() {
        if (real.isOpen() && !real.getTransaction().isActive()) {
            real.getTransaction().begin();
        }
    }

    /** Rolls back whatever the session still holds and closes it. */
    @Override
    public void close() {
        if (!real.isOpen()) {
            return;
        }
        try {
            if (real.getTransaction().isActive()) {
                real.getTransaction().rollback();
            }
        } finally {
            real.close();
        }
    }

    private final class SessionHandler implements InvocationHandler {
        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "getTransaction":
                    return transactionProxy;
                case "unwrap":
                    if (((Class<?>) args[0]).isInstance(self)) {
                        return self;
                    }
                    break;
                case "close":
                    // the test owns this session's lifetime; closing it early would break @AfterEach methods
                    return null;
                case "equals":
                    return self == args[0];
                case "hashCode":
                    return System.identityHashCode(self);
                case "toString":
                    return "dbtestkit test session " + real;
                default:
                    break;
            }
            return TestSession.invoke(real, method, args);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
