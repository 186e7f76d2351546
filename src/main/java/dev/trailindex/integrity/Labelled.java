package dev.trailindex.integrity;

import java.util.Locale;

/** A verdict enum whose JSON and table label is its name in lower case with dashes ({@code NOT_IN_ANY_DIGEST}: not-in-any-digest). */
public interface Labelled {
    String name();

    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
