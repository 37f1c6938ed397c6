package com.example.boot.library;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A book: the aggregate of the example. Spring Boot names its join table {@code book_genres} (table and attribute)
 * where plain JPA says {@code book_genre} (entity and target), and its keywords' collection table
 * {@code book_keywords}; no name is written here.
 */
@Entity
public class Book {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @ManyToOne(optional = false)
    private Author mainAuthor;

    @Enumerated(EnumType.STRING)
    private Format format;

    @Embedded
    private Publication publication;

    @ManyToMany
    private Set<Genre> genres = new HashSet<>();

    @ElementCollection
    private Set<String> keywords = new HashSet<>();

    private Instant createdAt;

    protected Book() {
    }

    public Book(String title, Author mainAuthor, Format format, Publication publication, Instant createdAt) {
        this.title = title;
        this.mainAuthor = mainAuthor;
        this.format = format;
        this.publication = publication;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Author getMainAuthor() {
        return mainAuthor;
    }

    public Format getFormat() {
        return format;
    }

    public Publication getPublication() {
        return publication;
    }

    public Set<Genre> getGenres() {
        return genres;
    }

    public Set<String> getKeywords() {
        return keywords;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
