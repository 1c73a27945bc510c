package dev.arbiter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StderrTerminalTest {
    @TempDir Path dir;

    @Test
    void aDescriptorLinkedToAPseudoTerminalIsATerminal() throws Exception {
        Path fd = Files.createSymbolicLink(dir.resolve("2"), Path.of("/dev/pts/7"));
        assertThat(StderrTerminal.linkIsTerminal(fd)).isTrue();
    }

    @Test
    void aDescriptorRedirectedToAFileIsNotATerminal() throws Exception {
        Path fd = Files.createSymbolicLink(dir.resolve("2"), dir.resolve("eval.log"));
        assertThat(StderrTerminal.linkIsTerminal(fd)).isFalse();
    }

    @Test
    void aDescriptorPipedToAnotherProgramIsNotATerminal() throws Exception {
        Path fd = Files.createSymbolicLink(dir.resolve("2"), Path.of("pipe:[40213]"));
        assertThat(StderrTerminal.linkIsTerminal(fd)).isFalse();
    }

    @Test
    void anUnreadableDescriptorLeavesTheAnswerToTheConsole() {
        assertThat(StderrTerminal.linkIsTerminal(dir.resolve("missing"))).isNull();
    }
}
