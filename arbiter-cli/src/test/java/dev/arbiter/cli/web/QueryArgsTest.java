package dev.arbiter.cli.web;

import dev.arbiter.cli.CliBridge;
import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which options a query string may set. The expectations here are the test's own (a file, directory or URL type;
 * a string option known to name a file, store, endpoint or variable), not the rule QueryArgs applies, so an option
 * added to a command the API runs fails this test if the rule lets it through.
 */
class QueryArgsTest {
    /** Options typed as plain strings that name something on the server's machine or network, in any command. */
    private static final Set<String> STRING_RESOURCES = Set.of("--store", "--endpoint", "--api-key-env",
            "--judge-endpoint", "--judge-api-key-env", "--guard-endpoint", "--guard-api-key-env", "--dataset", "--from",
            "--host", "--port");

    @Test
    void everyFileOrUrlOptionOfTheCommandsTheApiRunsIsRefused() {
        List<String> checked = new ArrayList<>();
        for (String command : WebApp.COMMANDS) checked.addAll(assertResourcesRefused(command));
        assertThat(checked).contains("compare --prices", "recommend --prices", "compare --out", "report --out",
                "models --catalog", "runs --store", "fit --store");
    }

    /** The rule holds for the commands the API does not run too, so a route added for one of them is safe. */
    @Test
    void everyFileUrlEndpointOrVariableOptionOfAnyCommandIsRefused() {
        List<String> checked = new ArrayList<>();
        for (String command : CliBridge.commands()) {
            if (!command.equals("help")) checked.addAll(assertResourcesRefused(command));
        }
        assertThat(checked).contains("eval --endpoint", "eval --api-key-env", "eval --judge-endpoint", "bench --dataset",
                "probe --guard-endpoint", "merge --from", "serve --host", "eval --data");
    }

    @Test
    void theOutputFormatAndHelpAreTheRoutesOwn() {
        for (String name : List.of("format", "json", "help", "version")) {
            assertThatThrownBy(() -> args("compare", name, "true")).as(name).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not available through the API");
        }
    }

    @Test
    void questionsPassAsTheCommandsOptions() {
        assertThat(args("recommend", "use_case", "code")).containsExactly("--use-case", "code");
        assertThat(args("fit", "memory_gb", "24")).containsExactly("--memory-gb", "24");  // an alias
        assertThat(args("recommend", "explain", "true")).containsExactly("--explain");
        assertThat(args("recommend", "explain", "false")).isEmpty();
        assertThat(args("compare", "price_per_hour", "2.5")).containsExactly("--price-per-hour", "2.5");
    }

    /** A value given to a switch would become a positional argument of the command (a run id, a model id). */
    @Test
    void aSwitchTakesNoValue() {
        assertThatThrownBy(() -> args("fit", "images", "qwen2.5-72b")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'images' is a switch");
    }

    /** The options of {@code command} that name a resource, each checked to be refused; "command --option" each. */
    private static List<String> assertResourcesRefused(String command) {
        CommandSpec spec = CliBridge.spec(command);
        List<String> checked = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            boolean resource = Stream.concat(Stream.of(o.type()), Stream.of(o.auxiliaryTypes()))
                    .anyMatch(t -> Path.class.isAssignableFrom(t) || File.class.isAssignableFrom(t)
                            || URI.class.isAssignableFrom(t) || URL.class.isAssignableFrom(t))
                    || Stream.of(o.names()).anyMatch(STRING_RESOURCES::contains);
            if (!resource) continue;
            for (String n : o.names()) {
                if (!n.startsWith("--")) continue;
                String param = n.substring(2).replace('-', '_');
                assertThatThrownBy(() -> QueryArgs.of(Map.of(param, List.of("/etc/passwd")), Set.of(), spec))
                        .as(command + " " + n).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("not available through the API");
            }
            checked.add(command + " " + o.longestName());
        }
        return checked;
    }

    private static List<String> args(String command, String name, String value) {
        return QueryArgs.of(Map.of(name, List.of(value)), Set.of(), CliBridge.spec(command));
    }
}
