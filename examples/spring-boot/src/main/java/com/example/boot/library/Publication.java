package com.example.boot.library;

import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/** Who published a book and when: an embedded value, its camelCase fields become the book's columns. */
@Embeddable
public class Publication {

    private String publisherName;

    private LocalDate publishedOn;

    protected Publication() {
    }

    public Publication(String publisherName, LocalDate publishedOn) {
        this.publisherName = publisherName;
        this.publishedOn = publishedOn;
    }

    public String getPublisherName() {
        return publisherName;
    }

    public LocalDate getPublishedOn() {
        return publishedOn;
    }
}
