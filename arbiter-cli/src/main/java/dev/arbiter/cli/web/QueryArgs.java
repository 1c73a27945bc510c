package dev.arbiter.cli.web;

import dev.arbiter.error.InvalidInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A query string as command-line options, named as the CLI names them: {@code use_case=code} → {@code --use-case code},
 * a repeated parameter → a repeated option, {@code images=true} → {@code --images}. The API answers questions about the
 * catalogue and the stored runs and touches nothing else, so an option that names something on the server's machine
 * or network is refused: what is refused is decided from the command's own option (its type, else its label), not a
 * list of names that a new option could slip past; see {@link #refused}. Values cannot start with '-' or '@', and an
 * option that takes no value takes none here either.
 */
final class QueryArgs {
    /**
     * Option types that name a resource: a file or directory ({@code --prices}, {@code --catalog}, {@code --out}),
     * or an address.
     */
    private static final List<Class<?>> RESOURCE_TYPES = List.of(Path.class, File.class, URI.class, URL.class,
            java.net.InetAddress.class, java.net.SocketAddress.class);
    /**
     * Words of a parameter label that say a plain string names a resource: {@code --store FILE|URL},
     * {@code --endpoint URL|NAME}, {@code --api-key-env VAR}, {@code --dataset TASK|FILE}, {@code --from STORE},
     * {@code --host HOST}. Labels are the help's own words, so an option described to users as a file is refused.
     */
    private static final Pattern RESOURCE_LABEL = Pattern.compile("\\b(FILE|DIR|PATH|URL|URI|HOST|PORT|VAR|ENV|STORE|SECRET|ENDPOINT)\\b");
    /** The route chooses the output: JSON on stdout. */
    private static final Set<String> ROUTE_OWNED = Set.of("--format", "--json");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private QueryArgs() {}

    /**
     * @param positional query parameters consumed as positional arguments by the route, not turned into options
     * @param command    the command the options are for; a parameter that is none of its options is passed on, and
     *                   the command refuses it as it refuses any unknown option
     */
    static List<String> of(Map<String, List<String>> query, Set<String> positional, CommandSpec command) {
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String name = e.getKey();
            if (positional.contains(name)) continue;
            if (!NAME.matcher(name).matches()) throw new InvalidInputException("query parameter '" + name + "' is not a snake_case option name");
            String flag = "--" + name.replace('_', '-');
            OptionSpec option = command.findOption(flag);
            if (option != null && refused(option)) {
                throw new InvalidInputException("query parameter '" + name + "' is not available through the API (" + flag
                        + " names a file, address or setting of the server's machine, or is the route's own)");
            }
            boolean takesValue = option == null || option.arity().max() > 0;
            for (String v : e.getValue()) {
                String value = v.strip();
                if (value.startsWith("-") && !value.matches("-?\\d+(\\.\\d+)?")) throw new InvalidInputException("value of '" + name + "' cannot start with '-'");
                if (value.startsWith("@")) throw new InvalidInputException("value of '" + name + "' cannot start with '@'");
                String lower = value.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || value.isEmpty()) args.add(flag);
                else if (!lower.equals("false")) {
                    // a flag's value would become a positional argument of the command
                    if (!takesValue) throw new InvalidInputException("query parameter '" + name + "' is a switch: give true or false");
                    args.add(flag);
                    args.add(value);
                }
            }
        }
        return args;
    }

    /**
     * Whether an option is kept from the API: it reads or writes a file or directory, reaches an address, names an
     * environment variable or a store (by its type, or by its label when the type is a plain string), or it is the
     * route's own choice (the format) or not a question at all (help, version).
     */
    static boolean refused(OptionSpec option) {
        if (option.usageHelp() || option.versionHelp()) return true;
        for (String n : option.names()) if (ROUTE_OWNED.contains(n)) return true;
        List<Class<?>> types = new ArrayList<>(List.of(option.auxiliaryTypes()));
        types.add(option.type());
        for (Class<?> t : types) {
            for (Class<?> r : RESOURCE_TYPES) if (r.isAssignableFrom(t)) return true;
        }
        return RESOURCE_LABEL.matcher(option.paramLabel()).find();
    }
}
