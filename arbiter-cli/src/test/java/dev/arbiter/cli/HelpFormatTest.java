package dev.arbiter.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every help text is a format string to picocli ({@code %n} a line break, {@code %%} a percent sign). A lone "60%"
 * in a description made picocli print "[picocli WARN] Could not format ..." on stderr and show the text unformatted,
 * in `fit`, `recommend` and `report`'s help. picocli's tracer writes to whatever System.err is when it warns.
 */
class HelpFormatTest {
    @Test
    void everyCommandsHelpRendersWithoutAFormatWarning() {
        List<String> warned = new ArrayList<>();
        CommandLine top = HelpLayoutTest.cli();
        warned.addAll(warnings("arbiter", top));
        top.getSubcommands().forEach((name, sub) -> warned.addAll(warnings(name, sub)));
        assertThat(warned).isEmpty();
    }

    private static List<String> warnings(String name, CommandLine command) {
        PrintStream saved = System.err;
        ByteArrayOutputStream traced = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(traced, true, StandardCharsets.UTF_8));
            assertThat(command.getUsageMessage()).as(name).isNotBlank();
        } finally {
            System.setErr(saved);
        }
        return traced.toString(StandardCharsets.UTF_8).lines().map(l -> name + ": " + l).toList();
    }
}
