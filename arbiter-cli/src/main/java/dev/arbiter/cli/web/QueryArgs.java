package dev.arbiter.cli.web;

import dev.arbiter.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A query string as command-line options, named as the CLI names them: {@code use_case=code} → {@code --use-case code},
 * a repeated parameter → a repeated option, {@code images=true} → {@code --images}. Options that read or write files
 * or reach endpoints ({@code --out}, {@code --store}, {@code --catalog}, {@code --data}, …) are refused: the API answers
 * questions about the catalogue and the stored runs, and touches nothing else. Values cannot start with '-' or '@'.
 */
final class QueryArgs {
    static final Set<String> REFUSED = Set.of("out", "store", "catalog", "data", "config", "endpoint", "endpoints",
            "endpoints_config", "api_key_env", "judge_endpoint", "judge_model", "judge_api_key_env", "home", "format", "json");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private QueryArgs() {}

    /** @param positional query parameters consumed as positional arguments by the route, not turned into options */
    static List<String> of(Map<String, List<String>> query, Set<String> positional) {
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String name = e.getKey();
            if (positional.contains(name)) continue;
            if (!NAME.matcher(name).matches()) throw new InvalidInputException("query parameter '" + name + "' is not a snake_case option name");
            if (REFUSED.contains(name)) throw new InvalidInputException("query parameter '" + name + "' is not available through the API");
            String flag = "--" + name.replace('_', '-');
            for (String v : e.getValue()) {
                String value = v.strip();
                if (value.startsWith("-") && !value.matches("-?\\d+(\\.\\d+)?")) throw new InvalidInputException("value of '" + name + "' cannot start with '-'");
                if (value.startsWith("@")) throw new InvalidInputException("value of '" + name + "' cannot start with '@'");
                String lower = value.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || value.isEmpty()) args.add(flag);
                else if (!lower.equals("false")) {
                    args.add(flag);
                    args.add(value);
                }
            }
        }
        return args;
    }
}
