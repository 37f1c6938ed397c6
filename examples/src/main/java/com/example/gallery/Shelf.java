package com.example.gallery;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A shelf of the gallery's Hibernate examples: the parent of {@link Book}. */
@Entity
@Table(name = "shelves")
public class Shelf {

    @Id
    private Long id;

    private String label;

    protected Shelf() {
    }

    public Shelf(Long id, String label) {
        this.id = id;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }
}
