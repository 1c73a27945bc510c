package dev.arbiter.eval.engine;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.ImagePart;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.Sample;
import dev.arbiter.util.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A run's directory: {@code manifest.json}, {@code run.json} (the run record, once ended) and {@code samples.jsonl}
 * (one line per answer, appended and flushed once the answer is committed to the store). JSON files are replaced
 * atomically.
 */
final class RunFiles implements AutoCloseable {
    static final String MANIFEST = "manifest.json";
    static final String RECORD = "run.json";
    static final String LOG = "samples.jsonl";
    /** Folder of the run's images, one file per distinct image, named by its sha256. */
    static final String IMAGES = "images";

    private final Path dir;
    /** The log, unbuffered: each answer's line is one write, so nothing is held back and no flush is needed. */
    private java.io.OutputStream log;
    /** Lines kept by {@link #appendLater} for the next {@link #flushLog}, each ending in {@code '\n'}. */
    private final StringBuilder pending = new StringBuilder();

    RunFiles(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UnavailableException("cannot create the run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    Path dir() { return dir; }

    Path logFile() { return dir.resolve(LOG); }

    /**
     * Writes each image the samples carry once, as {@code images/<sha256>.<ext>} (an image already there is not
     * rewritten), so a report can show it beside the answer while records hold only the digest.
     */
    void saveImages(List<Sample> samples) {
        Path images = dir.resolve(IMAGES);
        for (Sample s : samples) {
            for (ChatMessage m : s.input()) {
                for (ImagePart image : m.images()) {
                    if (image.data() == null) continue;
                    Path file = images.resolve(image.sha256() + "." + image.extension());
                    if (Files.exists(file)) continue;
                    try {
                        Files.createDirectories(images);
                        Path tmp = Files.createTempFile(images, image.sha256(), ".part");
                        Files.write(tmp, image.data());
                        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                        throw new UnavailableException("cannot write " + file + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    void writeManifest(RunManifest m) {
        writeAtomically(MANIFEST, Json.write(m));
    }

    void writeRecord(RunRecord r) {
        writeAtomically(RECORD, Json.write(r));
    }

    /**
     * Starts the log from the answers already stored (the store is the truth: this drops a line a kill left
     * half-written and the lines of errors about to be re-run), then keeps it open for appending only. The fresh log
     * is written beside the old one and moved over it atomically, never truncated in place: a writer that still had
     * the old file open (which the run's lease should prevent) writes into the old file, and cannot garble this one.
     */
    synchronized void openLog(List<SampleRecord> kept) {
        try {
            Path tmp = Files.createTempFile(dir, LOG + ".", ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                for (SampleRecord r : kept) {
                    w.write(RecordCodec.line(r));
                    w.write('\n');
                }
            }
            Files.move(tmp, logFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log = Files.newOutputStream(logFile(), StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UnavailableException("cannot write " + logFile() + ": " + e.getMessage(), e);
        }
    }

    synchronized void append(SampleRecord r) {
        append(RecordCodec.sampleLine(r));
    }

    /**
     * Appends one answer's line, as {@link RecordCodec#sampleLine} wrote it (the same text the store holds). The line
     * is encoded before the lock is taken and written in one call under it: the lock is held for one write, not for
     * encoding and a flush (64 workers queued on it in the profile).
     */
    void append(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        appendBytes(bytes);
    }

    /**
     * Keeps one answer's line, as {@link #append(String)} would write it, for the next {@link #flushLog()}: the eval
     * writes the lines of a committed batch in one call (one {@code write} per answer was 1.7% of a 16k run's CPU, on
     * the committer thread that every request thread waits for once it is out of room under its kill bound;
     * docs/performance.md). A kill can lose lines kept and not flushed; their answers are in the store, from which a
     * resumed run writes the log afresh ({@link #openLog}).
     */
    synchronized void appendLater(String line) {
        pending.append(line).append('\n');
    }

    /** Writes the lines {@link #appendLater} kept, in one call. */
    synchronized void flushLog() {
        if (pending.length() == 0) return;
        byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
        pending.setLength(0);
        appendBytes(bytes);
    }

    private synchronized void appendBytes(byte[] bytes) {
        try {
            log.write(bytes);
        } catch (IOException e) {
            throw new UnavailableException("cannot append to " + logFile() + ": " + e.getMessage(), e);
        }
    }

    private void writeAtomically(String name, String content) {
        Path target = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        try {
            Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UnavailableException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (log == null) return;
        try (java.io.OutputStream closing = log) {
            flushLog();  // closed whether or not the kept lines could be written
        } catch (IOException e) {
            throw new UnavailableException("cannot close " + logFile() + ": " + e.getMessage(), e);
        } finally {
            log = null;
        }
    }
}
