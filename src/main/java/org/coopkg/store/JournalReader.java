package org.coopkg.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.sparql.core.Quad;

/**
 * Reads an update journal ({@link UpdateJournal}): one RDF Patch per accepted update, each ending with its commit
 * line {@code TC .}. A last record without its commit line is torn (the server stopped while writing it, before it
 * acknowledged the update): it is reported with its position and never applied. A damaged record before the last
 * is an error naming its position: what follows it may depend on it.
 */
public final class JournalReader {
    /** The records of a journal, and the torn tail after them, if any. */
    public record Reading(Path file, List<JournalRecord> records, Optional<TornTail> torn) {}

    /** An incomplete last record: where it starts (byte offset from 0, line from 1) and how many bytes it has. */
    public record TornTail(long offset, int line, long bytes) {
        public String describe(Path file) {
            return "the journal " + file + " ends with an incomplete record at byte " + offset + " (line " + line + ", "
                    + bytes + " bytes without its commit line 'TC .'): an update cut short when the server stopped, "
                    + "never acknowledged; it is skipped";
        }
    }

    private JournalReader() {}

    /** Reads every record of {@code file}; a missing file is an empty journal. */
    public static Reading read(Path file) {
        if (Files.isDirectory(file)) {
            throw new JournalException("the journal " + file + " is a folder; name a file, e.g. " + file.resolve("updates.rdfp"));
        }
        if (!Files.exists(file)) return new Reading(file, List.of(), Optional.empty());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new JournalException("cannot read the journal " + file + ": " + e.getMessage()
                    + "; check that the server's user may read and write it", e);
        }
        List<JournalRecord> records = new ArrayList<>();
        int start = 0;
        int line = 1;
        int recordLine = 1;
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') continue;
            boolean commit = isCommitLine(bytes, lineStart, i);
            line++;
            lineStart = i + 1;
            if (commit) {
                records.add(parse(file, bytes, start, i + 1, records.size() + 1, recordLine));
                start = i + 1;
                recordLine = line;
            }
        }
        Optional<TornTail> torn = Optional.empty();
        if (!blank(bytes, start, bytes.length)) torn = Optional.of(new TornTail(start, recordLine, bytes.length - start));
        return new Reading(file, List.copyOf(records), torn);
    }

    private static boolean isCommitLine(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, to - from, StandardCharsets.US_ASCII).strip();
        return text.equals("TC .");
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(bytes[i])) return false;
        }
        return true;
    }

    private static JournalRecord parse(Path file, byte[] bytes, int from, int to, int number, int line) {
        String where = "record " + number + " of the journal " + file + " (byte " + from + ", line " + line + ")";
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, from, to - from));
        } catch (CharacterCodingException e) {
            throw damaged(where, "it is not UTF-8", null);
        }
        RDFPatch patch;
        Collector collector = new Collector();
        try {
            patch = RDFPatchOps.read(new ByteArrayInputStream(bytes, from, to - from));
            patch.apply(collector);
        } catch (RuntimeException e) {
            throw damaged(where, String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"), e);
        }
        if (!collector.begun || !collector.committed) throw damaged(where, "it is not one transaction (TX . ... TC .)", null);
        Instant time;
        try {
            time = collector.time == null ? null : Instant.parse(collector.time.getLiteralLexicalForm());
        } catch (DateTimeParseException e) {
            throw damaged(where, "its time '" + collector.time.getLiteralLexicalForm() + "' is not a date and time", e);
        }
        return new JournalRecord(number, from, line, text(collector.id), text(collector.user), time, text(collector.request),
                collector.changes);
    }

    private static String text(Node node) {
        if (node == null) return null;
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.isURI() ? node.getURI() : node.toString();
    }

    private static JournalException damaged(String where, String why, Throwable cause) {
        return new JournalException(where + " is damaged: " + why + ". Records after it may depend on it, so the journal is "
                + "not replayed: restore the file from a backup, or cut it before that byte (the records before it are "
                + "intact), then start again", cause);
    }

    /** The header fields and changes of one patch. */
    private static final class Collector extends RDFChangesBase {
        final List<QuadChange> changes = new ArrayList<>();
        Node id;
        Node user;
        Node time;
        Node request;
        boolean begun;
        boolean committed;

        @Override
        public void header(String field, Node value) {
            switch (field) {
                case UpdateJournal.ID -> id = value;
                case UpdateJournal.USER -> user = value;
                case UpdateJournal.TIME -> time = value;
                case UpdateJournal.REQUEST -> request = value;
                default -> { }
            }
        }

        @Override
        public void add(Node g, Node s, Node p, Node o) {
            changes.add(new QuadChange(true, Quad.create(g == null ? Quad.defaultGraphIRI : g, s, p, o)));
        }

        @Override
        public void delete(Node g, Node s, Node p, Node o) {
            changes.add(new QuadChange(false, Quad.create(g == null ? Quad.defaultGraphIRI : g, s, p, o)));
        }

        @Override
        public void txnBegin() {
            begun = true;
        }

        @Override
        public void txnCommit() {
            committed = true;
        }
    }
}
