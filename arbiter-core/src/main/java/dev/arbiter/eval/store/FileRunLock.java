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
    /** Tries of the OS lock, {@link #LOCK_PAUSE_MS} apart, before a run counts as held by another writer. */
    static final int LOCK_ATTEMPTS = 6;
    static final long LOCK_PAUSE_MS = 50;
    /**
     * Lock files this JVM holds (absolute paths) → the holder text written in each: read from here, never from the
     * file, since closing any descriptor of the file would drop the lock. Guards every tryLock and probe here, so
     * they never interleave.
     */
    private static final java.util.Map<Path, String> HELD_HERE = new java.util.HashMap<>();

    private final Path dir;
    private final Clock clock;

    public FileRunLock(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    @Override
    public RunLease acquire(String runId) {
        Path file = dir.resolve(fileName(runId)).toAbsolutePath();
        String holder = holderText();
        FileChannel ch = null;
        FileLock lock = null;
        try {
            Files.createDirectories(dir);
            // A reader's held() takes a shared lock for a moment: try again for up to ~0.25 s before calling it taken.
            for (int attempt = 0; lock == null && attempt < LOCK_ATTEMPTS; attempt++) {
                if (attempt > 0) pause();
                synchronized (HELD_HERE) {
                    // Held by this very process (another runner in this JVM): refused without opening the file, as
                    // closing a channel on it would drop that runner's lock.
                    if (HELD_HERE.containsKey(file)) throw taken(runId, HELD_HERE.get(file), file);
                    if (ch == null) ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    try {
                        lock = ch.tryLock();
                    } catch (OverlappingFileLockException e) {
                        // this JVM holds it under another spelling of the path: the channel is left open, not closed
                        throw taken(runId, "pid " + ProcessHandle.current().pid() + " (this process)", file);
                    }
                    if (lock != null) HELD_HERE.put(file, holder);
                }
            }
            if (lock == null) {
                String other = readHolder(ch);
                ch.close();
                throw taken(runId, other, file);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new Lease(runId, file, ch, lock);
        } catch (IOException e) {
            synchronized (HELD_HERE) {
                closeQuietly(ch);
                if (lock != null) HELD_HERE.remove(file);
            }
            throw new UnavailableException("cannot lock run " + runId + " (" + file + "): " + e.getMessage(), e);
        }
    }

    private static UnavailableException taken(String runId, String holder, Path file) {
        return new UnavailableException("run " + runId + " is being written by " + holder
                + "; one process writes a run at a time: wait for it to end or stop it, then --resume "
                + runId + " (lock " + file + ")");
    }

    /**
     * Whether a process holds the run's lock. A lock file that was never made has no holder. Otherwise a shared lock
     * is tried and at once released: refused means a writer holds it. This JVM's own leases are answered from
     * {@link #HELD_HERE} without opening the file, because closing any channel on a file drops every POSIX lock the
     * process holds on it — the probe would release the writer's lock.
     */
    @Override
    public boolean held(String runId) {
        Path file = dir.resolve(fileName(runId)).toAbsolutePath();
        synchronized (HELD_HERE) {
            if (HELD_HERE.containsKey(file)) return true;
            if (!Files.isRegularFile(file)) return false;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                FileLock probe = ch.tryLock(0, Long.MAX_VALUE, true);
                if (probe == null) return true;
                probe.release();
                return false;
            } catch (OverlappingFileLockException e) {
                return true;
            } catch (IOException e) {
                throw new UnavailableException("cannot read the lock of run " + runId + " (" + file + "): " + e.getMessage(), e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(LOCK_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        private final Path file;
        private final FileChannel ch;
        private final FileLock lock;

        Lease(String runId, Path file, FileChannel ch, FileLock lock) {
            this.runId = runId;
            this.file = file;
            this.ch = ch;
            this.lock = lock;
        }

        @Override
        public String runId() { return runId; }

        @Override
        public synchronized void close() {
            if (!ch.isOpen()) return;
            synchronized (HELD_HERE) {
                try {
                    lock.release();
                } catch (IOException ignored) {
                    // closing the channel below releases it too
                }
                closeQuietly(ch);
                HELD_HERE.remove(file);
            }
        }
    }
}
