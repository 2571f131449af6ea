package org.coopkg.query.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.impl.Util;
import org.apache.jena.riot.out.NodeToLabel;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterFactory;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.rowset.rw.RowSetWriterJSON;
import org.apache.jena.riot.system.SyntaxLabels;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;

/**
 * SPARQL 1.1 Query Results JSON, written compactly: one binding per line, no indentation, UTF-8 encoded straight
 * into a byte buffer. Jena's writer ({@link RowSetWriterJSON}) indents every member through an indenting character
 * writer and quotes each string by building it anew, which costs more than finding the rows on a large answer.
 * The members and values are Jena's (a plain or language-tagged literal without a {@code datatype}, {@code its:dir}
 * for a base direction, blank nodes labelled per document as Jena labels them, triple terms as
 * {@code {"type":"triple","value":{"subject":…}}}); only the white space differs. Booleans (ASK) are Jena's writer.
 */
public final class CompactJsonResults implements RowSetWriter {
    private static final RowSetWriterFactory FACTORY = lang -> new CompactJsonResults();
    private static volatile boolean registered;

    private CompactJsonResults() {}

    /** Replaces Jena's SPARQL JSON results writer in this JVM. */
    static void register() {
        if (!registered) {
            synchronized (CompactJsonResults.class) {
                RowSetWriterRegistry.register(ResultSetLang.RS_JSON, FACTORY);
                registered = true;
            }
        }
    }

    /** A writer of SPARQL JSON results, for tests and benchmarks that compare it with Jena's. */
    public static RowSetWriter writer() {
        return new CompactJsonResults();
    }

    @Override
    public void write(OutputStream out, RowSet rowSet, Context context) {
        boolean labelsAsGiven = context != null && context.isTrue(ARQ.outputGraphBNodeLabels);
        Output o = new Output(out, labelsAsGiven ? SyntaxLabels.createNodeToLabelAsGiven() : SyntaxLabels.createNodeToLabel());
        try {
            List<Var> vars = rowSet.getResultVars();
            o.ascii("{\"head\":{\"vars\":[");
            for (int i = 0; i < vars.size(); i++) {
                if (i > 0) o.ascii(",");
                o.string(vars.get(i).getVarName());
            }
            o.ascii("]},\n\"results\":{\"bindings\":[");
            boolean first = true;
            byte[][] names = new byte[vars.size()][];
            for (int i = 0; i < names.length; i++) names[i] = o.memberName(vars.get(i).getVarName());
            while (rowSet.hasNext()) {
                Binding row = rowSet.next();
                o.ascii(first ? "\n{" : ",\n{");
                first = false;
                boolean firstValue = true;
                for (int i = 0; i < names.length; i++) {
                    Node value = row.get(vars.get(i));
                    if (value == null) continue;
                    if (!firstValue) o.raw((byte) ',');
                    firstValue = false;
                    o.bytes(names[i]);
                    o.term(value);
                }
                o.raw((byte) '}');
            }
            o.ascii("\n]}}\n");
            o.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(Writer out, RowSet rowSet, Context context) {
        // Jena's JSON writer refuses a Writer; the bytes are UTF-8 by definition, so they decode to the same text.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        write(bytes, rowSet, context);
        try {
            out.write(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(OutputStream out, boolean result, Context context) {
        RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON).write(out, result, context);
    }

    /** A byte buffer in front of the stream, with JSON string escaping and UTF-8 encoding. */
    private static final class Output {
        private static final byte[] HEX = "0123456789abcdef".getBytes();
        private final OutputStream out;
        private final NodeToLabel labels;
        private final byte[] buf = new byte[1 << 16];
        private int pos;

        Output(OutputStream out, NodeToLabel labels) {
            this.out = out;
            this.labels = labels;
        }

        /** {@code "name":}, encoded once per answer. */
        byte[] memberName(String name) throws IOException {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            Output member = new Output(bytes, labels);
            member.string(name);
            member.raw((byte) ':');
            member.flush();
            return bytes.toByteArray();
        }

        void term(Node n) throws IOException {
            if (n.isURI()) {
                ascii("{\"type\":\"uri\",\"value\":");
                string(n.getURI());
            } else if (n.isLiteral()) {
                literal(n);
            } else if (n.isBlank()) {
                ascii("{\"type\":\"bnode\",\"value\":");
                string(labels.get(null, n).substring(2));
            } else if (n.isTripleTerm()) {
                Triple t = n.getTriple();
                ascii("{\"type\":\"triple\",\"value\":{\"subject\":");
                term(t.getSubject());
                ascii(",\"predicate\":");
                term(t.getPredicate());
                ascii(",\"object\":");
                term(t.getObject());
                raw((byte) '}');
            } else {
                throw new IllegalArgumentException("a SPARQL JSON result holds no " + n + " (only IRIs, literals, blank nodes and triple terms)");
            }
            raw((byte) '}');
        }

        private void literal(Node n) throws IOException {
            ascii("{\"type\":\"literal\",");
            if (Util.isSimpleString(n) || Util.isLangString(n) || Util.isDirLangString(n)) {
                String lang = n.getLiteralLanguage();
                if (lang != null && !lang.isEmpty()) {
                    ascii("\"xml:lang\":");
                    string(lang);
                    raw((byte) ',');
                }
                TextDirection direction = n.getLiteralBaseDirection();
                if (direction != null) {
                    ascii("\"its:dir\":");
                    string(direction.direction());
                    raw((byte) ',');
                }
            } else {
                ascii("\"datatype\":");
                string(n.getLiteralDatatypeURI());
                raw((byte) ',');
            }
            ascii("\"value\":");
            string(n.getLiteralLexicalForm());
        }

        /** A JSON string: quoted, escaped, UTF-8 (an unpaired surrogate becomes '?', as Java's encoder writes it). */
        void string(String s) throws IOException {
            raw((byte) '"');
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (pos > buf.length - 12) flushBuffer();
                if (c >= 0x20 && c < 0x80) {
                    if (c == '"' || c == '\\') buf[pos++] = '\\';
                    buf[pos++] = (byte) c;
                } else if (c < 0x20) {
                    escape(c);
                } else if (c < 0x800) {
                    buf[pos++] = (byte) (0xC0 | (c >> 6));
                    buf[pos++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[pos++] = (byte) (0xF0 | (cp >> 18));
                    buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buf[pos++] = (byte) (0x80 | (cp & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    buf[pos++] = '?';
                } else {
                    buf[pos++] = (byte) (0xE0 | (c >> 12));
                    buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    buf[pos++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            raw((byte) '"');
        }

        private void escape(char c) {
            buf[pos++] = '\\';
            switch (c) {
                case '\n' -> buf[pos++] = 'n';
                case '\r' -> buf[pos++] = 'r';
                case '\t' -> buf[pos++] = 't';
                case '\b' -> buf[pos++] = 'b';
                case '\f' -> buf[pos++] = 'f';
                default -> {
                    buf[pos++] = 'u';
                    buf[pos++] = '0';
                    buf[pos++] = '0';
                    buf[pos++] = HEX[c >> 4];
                    buf[pos++] = HEX[c & 0xF];
                }
            }
        }

        /** Text known to be ASCII and to need no escaping. */
        void ascii(String s) throws IOException {
            flushIfFull(s.length());
            for (int i = 0; i < s.length(); i++) buf[pos++] = (byte) s.charAt(i);
        }

        void bytes(byte[] b) throws IOException {
            if (b.length > buf.length) {
                flushBuffer();
                out.write(b);
                return;
            }
            flushIfFull(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        void raw(byte b) throws IOException {
            flushIfFull(1);
            buf[pos++] = b;
        }

        private void flushIfFull(int needed) throws IOException {
            if (pos + needed > buf.length) flushBuffer();
        }

        private void flushBuffer() throws IOException {
            out.write(buf, 0, pos);
            pos = 0;
        }

        void flush() throws IOException {
            flushBuffer();
            out.flush();
        }
    }
}
