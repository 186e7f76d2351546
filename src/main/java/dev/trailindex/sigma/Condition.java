package dev.trailindex.sigma;

import java.util.List;

/** A rule's condition as a tree; {@code 1 of x*} and {@code all of them} are resolved to Or / And of names. */
public sealed interface Condition {
    record And(List<Condition> all) implements Condition {
    }

    record Or(List<Condition> any) implements Condition {
    }

    record Not(Condition inner) implements Condition {
    }

    /** A search identifier. */
    record Ref(String name) implements Condition {
    }
}
