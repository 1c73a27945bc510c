package dev.arbiter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stderr is a terminal, so the progress bar can stay quiet when it is redirected. Java has no isatty for
 * stderr: {@link System#console()} looks at stdin and stdout (and from JDK 22 is non-null even when redirected).
 * On Linux {@code /proc/self/fd/2} links to the device ({@code /dev/pts/N}, {@code /dev/ttyN}) or to the file or
 * pipe stderr was redirected to; elsewhere the console is the best guess.
 */
final class StderrTerminal {
    static final Path LINUX_STDERR = Path.of("/proc/self/fd/2");

    private StderrTerminal() {}

    static boolean isTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) return false;
        Boolean linux = linkIsTerminal(LINUX_STDERR);
        return linux != null ? linux : System.console() != null;
    }

    /** True when {@code fdLink} points to a terminal device, false when elsewhere, null when it cannot be read. */
    static Boolean linkIsTerminal(Path fdLink) {
        try {
            String target = Files.readSymbolicLink(fdLink).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }
}
