package dev.arbiter.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up builds picocli's model of the one subcommand asked for; help, typos and bare options still see them all. */
class LazySubcommandsTest {
    static PrintWriter sink() {
        return new PrintWriter(new StringWriter());
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertThat(Arbiter.forArgs(sink(), sink(), "models", "--format", "json").getSubcommands()).containsOnlyKeys("models");
        assertThat(Arbiter.forArgs(sink(), sink(), "recommend").getSubcommands()).containsOnlyKeys("recommend");
    }

    @Test
    void versionAloneBuildsNoCommandAndStillPrintsTheVersion() {
        assertThat(Arbiter.forArgs(sink(), sink(), "--version").getSubcommands()).isEmpty();
        assertThat(Arbiter.forArgs(sink(), sink(), "-V").getSubcommands()).isEmpty();
        assertThat(Arbiter.forArgs(sink(), sink(), "--version", "models").getSubcommands()).hasSize(Arbiter.COMMANDS.size());
        CliRun r = CliRun.of("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("arbiter ").contains(Version.get());
    }

    @Test
    void helpOptionsAndTyposGetEveryCommand() {
        int all = Arbiter.COMMANDS.size();
        assertThat(Arbiter.forArgs(sink(), sink()).getSubcommands()).hasSize(all);
        assertThat(Arbiter.forArgs(sink(), sink(), "--help").getSubcommands()).hasSize(all);
        assertThat(Arbiter.forArgs(sink(), sink(), "help", "fit").getSubcommands()).hasSize(all);
        assertThat(Arbiter.forArgs(sink(), sink(), "modls").getSubcommands()).hasSize(all);
    }

    @Test
    void aTypoStillGetsItsSuggestion() {
        StringWriter err = new StringWriter();
        int code = Arbiter.execute(sink(), new PrintWriter(err, true), "modls");
        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("Did you mean").contains("models");
    }

    @Test
    void eachNameIsTheOneItsCommandAnnotationGives() {
        Arbiter.COMMANDS.forEach((name, c) -> {
            picocli.CommandLine.Command command = c.getAnnotation(picocli.CommandLine.Command.class);
            assertThat(command).as(c.getName()).isNotNull();
            assertThat(command.name()).as(c.getName()).isEqualTo(name);
        });
        assertThat(Arbiter.forArgs(sink(), sink(), "k8s-job").getSubcommands()).containsOnlyKeys("k8s-job");
        assertThat(Arbiter.forArgs(sink(), sink(), "mt-bench-pair").getSubcommands()).containsOnlyKeys("mt-bench-pair");
    }

    /**
     * picocli looks for {@code @Command} methods (method subcommands) in every command class unless told not to: it
     * reads every declared method's annotations, a sixth of picocli's part of {@code fit}'s start. Every command says
     * it has none, and none has one (a new command that does declare one must drop the switch).
     */
    @Test
    void everyCommandSaysItHasNoMethodSubcommandsAndHasNone() {
        java.util.List<Class<?>> classes = new java.util.ArrayList<>(java.util.List.of(Arbiter.class, ProbeDiffCommand.class));
        Arbiter.COMMANDS.values().stream().filter(c -> c != picocli.CommandLine.HelpCommand.class).forEach(classes::add);
        for (Class<?> c : classes) {
            assertThat(c.getAnnotation(picocli.CommandLine.Command.class).addMethodSubcommands()).as(c.getName()).isFalse();
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (java.lang.reflect.Method m : k.getDeclaredMethods()) {
                    assertThat(m.isAnnotationPresent(picocli.CommandLine.Command.class)).as(m.toString()).isFalse();
                }
            }
        }
    }
}
