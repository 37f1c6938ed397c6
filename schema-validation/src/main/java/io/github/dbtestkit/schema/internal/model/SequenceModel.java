package io.github.dbtestkit.schema.internal.model;

import org.apiguardian.api.API;
import java.util.Objects;

/**
 * A database sequence.
 *
 * <pre>{@code
 * new SequenceModel("posts_seq", 50);
 * }</pre>
 *
 * @param name      the sequence's name
 * @param increment its increment (the generator's allocation size on the mapping side)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SequenceModel(String name, long increment) {

    /** Checks the name. */
    public SequenceModel {
        Objects.requireNonNull(name, "name");
    }
}
