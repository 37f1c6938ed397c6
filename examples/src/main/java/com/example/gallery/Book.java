package com.example.gallery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** A book on a {@link Shelf} ({@code shelf_id}, a not-null foreign key), with the moment it was shelved. */
@Entity
@Table(name = "books")
public class Book {

    @Id
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "shelf_id", nullable = false)
    private Shelf shelf;

    @Column(name = "shelved_at")
    private LocalDateTime shelvedAt;

    protected Book() {
    }

    public Book(Long id, Shelf shelf, LocalDateTime shelvedAt) {
        this.id = id;
        this.shelf = shelf;
        this.shelvedAt = shelvedAt;
    }

    public Long getId() {
        return id;
    }

    public Shelf getShelf() {
        return shelf;
    }

    public LocalDateTime getShelvedAt() {
        return shelvedAt;
    }
}
