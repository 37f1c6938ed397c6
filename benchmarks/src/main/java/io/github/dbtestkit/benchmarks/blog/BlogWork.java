package io.github.dbtestkit.benchmarks.blog;

import jakarta.persistence.EntityManager;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The body of every blog workload test, the same for dbtestkit and for Hibernate by hand: persists a {@link Post}
 * with two {@link Comment}s, flushes, and checks with JPQL that the post has two comments and that exactly one post
 * is visible (so the previous test's rows were rolled back).
 *
 * <pre>{@code
 * @Test void t01(EntityManager em) { BlogWork.persistAndCheck(em); }
 * }</pre>
 */
public final class BlogWork {

    // Atomic: with JUnit's parallel execution, the first bodies of two classes start at once.
    private static final AtomicLong FIRST_BODY_NANOS = new AtomicLong(-1);

    private BlogWork() {
    }

    /** {@link System#nanoTime()} when the first test body of this JVM started, {@code -1} before. */
    public static long firstBodyNanos() {
        return FIRST_BODY_NANOS.get();
    }

    /** @throws AssertionError when the counts are not 2 comments and 1 post */
    public static void persistAndCheck(EntityManager entityManager) {
        if (FIRST_BODY_NANOS.get() < 0) {
            FIRST_BODY_NANOS.compareAndSet(-1, System.nanoTime());
        }
        Post post = new Post("A post of the blog workload");
        entityManager.persist(post);
        entityManager.persist(new Comment(post, "first"));
        entityManager.persist(new Comment(post, "second"));
        entityManager.flush();
        long comments = entityManager.createQuery("select count(c) from Comment c where c.post = :post", Long.class)
                .setParameter("post", post).getSingleResult();
        long posts = entityManager.createQuery("select count(p) from Post p", Long.class).getSingleResult();
        if (comments != 2 || posts != 1) {
            throw new AssertionError("Expected 2 comments on the post and 1 post visible, got " + comments
                    + " comments and " + posts + " posts.");
        }
    }
}
