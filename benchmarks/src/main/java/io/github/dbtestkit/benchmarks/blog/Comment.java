package io.github.dbtestkit.benchmarks.blog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * The blog workload's comment: {@code comments(id, body, post_id → posts, not null)}.
 *
 * <pre>{@code
 * entityManager.persist(new Comment(post, "first"));
 * }</pre>
 */
@Entity
@Table(name = "comments")
public class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String body;

    @ManyToOne(optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    private Post post;

    protected Comment() {
    }

    public Comment(Post post, String body) {
        this.post = post;
        this.body = body;
    }

    public Long getId() {
        return id;
    }

    public String getBody() {
        return body;
    }

    public Post getPost() {
        return post;
    }
}
