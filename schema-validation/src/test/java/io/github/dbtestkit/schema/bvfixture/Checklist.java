package io.github.dbtestkit.schema.bvfixture;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** An entity whose only not-null constraints are Bean Validation's, loaded with and without the API present. */
@Entity
@Table(name = "checklists")
public class Checklist {
    @Id Long id;
    @NotBlank String title;
    String owner;

    @NotNull
    public String getOwner() {
        return owner;
    }
}
