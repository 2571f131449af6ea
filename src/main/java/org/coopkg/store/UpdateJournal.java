package org.coopkg.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Node;

/**
 * The journal of an in-memory server that takes updates ({@code coopkg serve --update --journal FILE}): every accepted
 * update is appended as one RDF Patch (jena-rdfpatch's text format) and forced to the disk before the server
 * answers, and the journal is replayed on top of the curated data at the next start. A record:
 *
 * <pre>
 * H id &lt;urn:uuid:…&gt; .
 * H prev &lt;urn:uuid:…&gt; .        (the record before; absent in the first)
 * H user "curator" .
 * H time "2026-12-07T08:00:00Z"^^xsd:dateTime .
 * H request "k3j2…" .            (the request id of the server's log)
 * TX .
 * A &lt;s&gt; &lt;p&gt; &lt;o&gt; &lt;g&gt; .            (added)
 * D &lt;s&gt; &lt;p&gt; &lt;o&gt; &lt;g&gt; .            (deleted)
 * TC .
 * </pre>
 *
 * Only curated named graphs appear: the derived graphs are recomputed after the replay. Opening a journal reads it
 * ({@link JournalReader}); an incomplete last record (a crash while appending) is moved aside to
 * {@code FILE.torn-OFFSET} and cut off, so that new records follow complete ones.
 */
public final class UpdateJournal implements AutoCloseable {
    static final String ID = "id";
    static final String PREV = "prev";
    static final String USER = "user";
    static final String TIME = "time";
    static final String REQUEST = "request";

    private final Path file;
    private final FileChannel channel;
    private final JournalReader.Reading opened;
    private Path tornCopy;
    private String previousId;

    private UpdateJournal(Path file, FileChannel channel, JournalReader.Reading opened) {
        this.file = file;
        this.channel = channel;
        this.opened = opened;
        List<JournalRecord> records = opened.records();
        this.previousId = records.isEmpty() ? null : records.get(records.size() - 1).id();
    }

    /**
     * Opens (creating if needed) the journal {@code file} for appending, after reading what it holds.
     *
     * @throws JournalException naming the file and what to do when it cannot be read, written or parsed
     */
    public static UpdateJournal open(Path file) {
        JournalReader.Reading reading = JournalReader.read(file);
        Path parent = file.toAbsolutePath().getParent();
        boolean created = !Files.exists(file);
        FileChannel channel;
        try {
            if (parent != null) Files.createDirectories(parent);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            throw new JournalException("cannot open the journal " + file + " for writing: " + e.getMessage()
                    + "; name a file in a folder the server's user may write", e);
        }
        UpdateJournal journal = new UpdateJournal(file, channel, reading);
        try {
            if (reading.torn().isPresent()) journal.cutTornTail(reading.torn().get());
            channel.position(channel.size());
            if (created && parent != null) forceFolder(parent);
        } catch (IOException e) {
            journal.close();
            throw new JournalException("cannot prepare the journal " + file + " for writing: " + e.getMessage(), e);
        }
        return journal;
    }

    /** What the journal held when it was opened: the records to replay, and the torn tail that was cut off. */
    public JournalReader.Reading opened() {
        return opened;
    }

    /** Where the torn tail was moved, if there was one. */
    public Path tornCopy() {
        return tornCopy;
    }

    public Path file() {
        return file;
    }

    private void cutTornTail(JournalReader.TornTail torn) throws IOException {
        tornCopy = file.resolveSibling(file.getFileName() + ".torn-" + torn.offset());
        ByteBuffer tail = ByteBuffer.allocate((int) Math.min(torn.bytes(), Integer.MAX_VALUE - 8));
        channel.read(tail, torn.offset());
        Files.write(tornCopy, java.util.Arrays.copyOf(tail.array(), tail.position()));
        channel.truncate(torn.offset());
        channel.force(true);
    }

    /**
     * Appends one accepted update and forces it to the disk: when this returns, the record survives a crash of the
     * process or of the machine.
     *
     * @throws IOException when it could not be written (the caller must not acknowledge the update)
     */
    public synchronized void append(String user, String requestId, Instant time, List<QuadChange> changes) throws IOException {
        String id = "urn:uuid:" + UUID.randomUUID();
        Map<String, Node> header = new LinkedHashMap<>();
        header.put(ID, NodeFactory.createURI(id));
        if (previousId != null) header.put(PREV, NodeFactory.createURI(previousId));
        if (user != null) header.put(USER, NodeFactory.createLiteralString(user));
        header.put(TIME, NodeFactory.createLiteralDT(time.toString(), XSDDatatype.XSDdateTime));
        if (requestId != null) header.put(REQUEST, NodeFactory.createLiteralString(requestId));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PatchText.write(bytes, header, changes);
        ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
        long start = channel.position();
        try {
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(true);
        } catch (IOException e) {
            // Leave no partial record behind for the next one to follow.
            try {
                channel.truncate(start);
                channel.position(start);
            } catch (IOException ignored) {
                // the reader reports a torn tail at the next start
            }
            throw e;
        }
        previousId = id;
    }

    /** A new folder entry is durable once its folder is forced too. */
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not every file system lets a folder be opened; the file's own force still holds its data
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to write
        }
    }
}
