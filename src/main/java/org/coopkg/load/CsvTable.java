package org.coopkg.load;

import java.util.List;

/** A parsed CSV file: header names (with where each stands) and data rows. */
public record CsvTable(String file, List<Cell> header, List<CsvRow> rows) {}
