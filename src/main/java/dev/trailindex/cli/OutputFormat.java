package dev.trailindex.cli;

/** Output formats of search. */
enum OutputFormat { TABLE, JSON, NDJSON, CSV }
