package dev.arbiter.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI tells picocli not to register its java.time and java.sql converters (start-up): so no option or parameter
 * of any command may take such a type without a converter of its own.
 */
class ConverterExclusionTest {
    @Test
    void noOptionTakesATypeWhoseBuiltInConverterIsLeftOut() {
        List<Pattern> excluded = new ArrayList<>();
        for (String regex : Arbiter.UNUSED_CONVERTERS.split(",")) excluded.add(Pattern.compile(regex));
        CommandLine all = Arbiter.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> offending = new ArrayList<>();
        int checked = walk(all.getCommandSpec(), excluded, offending);
        assertThat(checked).as("options and parameters checked").isGreaterThan(100);
        assertThat(offending).isEmpty();
    }

    @Test
    void theExclusionIsWhatPicocliReads() {
        Arbiter.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(System.getProperty("picocli.converters.excludes")).isNotBlank();
        for (String type : List.of("java.time.Duration", "java.time.MonthDay", "java.sql.Timestamp")) {
            assertThat(Arbiter.UNUSED_CONVERTERS.split(",")).anySatisfy(r -> assertThat(type).matches(r));
        }
        assertThat(Arbiter.UNUSED_CONVERTERS.split(",")).noneSatisfy(r -> assertThat("java.nio.file.Path").matches(r));
    }

    @Test
    void picocliIsToldNotToLookForGroovyClosures() {
        Arbiter.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        // read by picocli's default factory when its class initialises, so it must be set before the first command line
        assertThat(Boolean.getBoolean("picocli.disable.closures")).isTrue();
    }

    private static int walk(CommandSpec spec, List<Pattern> excluded, List<String> offending) {
        int n = 0;
        for (ArgSpec a : spec.args()) {
            n++;
            if (a.converters().length > 0) continue;  // its own converter
            List<Class<?>> types = new ArrayList<>(List.of(a.auxiliaryTypes()));
            types.add(a.type());
            for (Class<?> t : types) {
                if (excluded.stream().anyMatch(p -> p.matcher(t.getName()).matches())) {
                    offending.add(spec.qualifiedName() + " " + a + ": " + t.getName());
                }
            }
        }
        for (CommandLine sub : spec.subcommands().values()) n += walk(sub.getCommandSpec(), excluded, offending);
        return n;
    }
}
