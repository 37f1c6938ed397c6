package com.example.blog;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** A blog post: the code-first domain, whose schema comes from create_all. */
@Entity
@Table(name = "posts")
public class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 4000)
    private String body;

    @OneToMany(mappedBy = "post", cascade = CascadeType.ALL)
    private List<Comment> comments = new ArrayList<>();

    protected Post() {
    }

    public Post(String body) {
        this.body = body;
    }

    public Comment comment(String text) {
        Comment comment = new Comment(this, text);
        comments.add(comment);
        return comment;
    }

    public Long getId() {
        return id;
    }

    public String getBody() {
        return body;
    }

    public List<Comment> getComments() {
        return comments;
    }
}
