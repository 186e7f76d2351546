package dev.trailindex.cli;

/** Output formats of summaries (index, facets, stats, fields). */
enum ReportFormat { TABLE, JSON }
