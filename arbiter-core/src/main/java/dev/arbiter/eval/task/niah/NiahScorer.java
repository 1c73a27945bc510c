package dev.arbiter.eval.task.niah;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact retrieval: the answer is right when it names the passcode and no other six-digit number (a model that lists
 * several candidates has not retrieved the fact). Metadata carries {@code length} and {@code depth} for the grid.
 */
public final class NiahScorer implements Scorer {
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)");

    @Override
    public String name() { return "niah_exact"; }

    @Override
    public Score score(TaskState state) {
        String code = state.sample().firstTarget();
        List<String> found = new ArrayList<>();
        Matcher m = SIX_DIGITS.matcher(state.completion());
        while (m.find()) found.add(m.group());
        boolean ok = !found.isEmpty() && found.stream().allMatch(code::equals);
        Map<String, Object> meta = new HashMap<>();
        meta.put("length", state.sample().metadata().get("length"));
        meta.put("depth", state.sample().metadata().get("depth"));
        String why = found.isEmpty() ? "no six-digit passcode in the answer" : ok ? "retrieved " + code : "answered " + found + ", passcode " + code;
        return new Score(ok ? 1.0 : 0.0, found.isEmpty() ? null : String.join(",", found), why, meta);
    }
}
