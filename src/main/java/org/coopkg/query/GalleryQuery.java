package org.coopkg.query;

/**
 * One query of the gallery in {@code queries/}: its file name ({@code 01-programmes-initiated-by-china.rq}),
 * the title and question from its comment header, and the whole SPARQL text (header included).
 */
public record GalleryQuery(String file, String title, String question, String sparql) {}
