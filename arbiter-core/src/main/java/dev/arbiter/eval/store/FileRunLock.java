package dev.arbiter.eval.store;

import dev.arbiter.error.UnavailableException;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HexFormat;

/**
 * {@link RunLock} as an exclusive OS lock ({@code fcntl}, through {@link FileChannel#tryLock()}) on
 * {@code DIR/RUN_ID.lock}. The kernel drops the lock when its holder exits however it exits, so a run killed with
 * -9 can be resumed at once; the file's text names the holder for the refusal message. Lock files are never deleted
 * (deleting one under a waiter would let two processes lock two different files). Not for network file systems
 * without working POSIX locks.
 */
public final class FileRunLock implements RunLock {
    private final Path dir;
    private final Clock clock;

    public FileRunLock(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    @Override
    public RunLease acquire(String runId) {
        Path file = dir.resolve(fileName(runId));
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process (another runner in the same JVM)
            }
            if (lock == null) {
                String holder = readHolder(ch);
                ch.close();
                throw new UnavailableException("run " + runId + " is being written by " + holder
                        + "; one process writes a run at a time: wait for it to end or stop it, then --resume "
                        + runId + " (lock " + file + ")");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(holderText().getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new Lease(runId, ch, lock);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UnavailableException("cannot lock run " + runId + " (" + file + "): " + e.getMessage(), e);
        }
    }

    /** Run ids are ours ({@code 20250301-142233-7f3a9c}); anything else is hex-encoded so it stays one file name. */
    static String fileName(String runId) {
        if (runId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,100}")) return runId + ".lock";
        return "x" + HexFormat.of().formatHex(runId.getBytes(StandardCharsets.UTF_8)) + ".lock";
    }

    private String holderText() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "an unnamed host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + " since " + clock.instant();
    }

    private static String readHolder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(512);
        ch.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "another process" : text;
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing held worth reporting
        }
    }

    private static final class Lease implements RunLease {
        private final String runId;
        private final FileChannel ch;
        private final FileLock lock;

        Lease(String runId, FileChannel ch, FileLock lock) {
            this.runId = runId;
            this.ch = ch;
            this.lock = lock;
        }

        @Override
        public String runId() { return runId; }

        @Override
        public synchronized void close() {
            if (!ch.isOpen()) return;
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel below releases it too
            }
            closeQuietly(ch);
        }
    }
}
