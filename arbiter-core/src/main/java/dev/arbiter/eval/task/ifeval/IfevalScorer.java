package dev.arbiter.eval.task.ifeval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.scorer.PythonText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IFEval's two checks of one response (lm-eval's ifeval utils.py, from google-research): strict — every instruction
 * followed by the response as given (an empty response follows nothing); loose — each instruction followed by any
 * of eight variants (the response, without its first line, its last line or both, each also with every '*' removed).
 * The score is prompt-level strict (1 when all are followed); the metadata carries the counts the instruction-level
 * metrics add up and each instruction's verdict, so a report can show which one failed.
 */
public final class IfevalScorer implements Scorer {
    /** Sample metadata keys: the instruction ids, and one kwargs object per id (as in the dataset). */
    public static final String IDS = "instruction_id_list";
    public static final String KWARGS = "kwargs";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The sample's instructions bound to their kwargs, read from its metadata — so stored answers can be re-scored
     * from the run record alone.
     */
    public static List<Bound> instructions(Map<String, Object> metadata) {
        if (!(metadata.get(IDS) instanceof List<?> ids) || !(metadata.get(KWARGS) instanceof List<?> kwargs) || ids.size() != kwargs.size()) {
            throw new IllegalArgumentException("sample metadata lacks matching instruction_id_list and kwargs");
        }
        List<Bound> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = String.valueOf(ids.get(i));
            JsonNode k = JSON.valueToTree(kwargs.get(i));
            out.add(new Bound(id, Instructions.of(id, k)));
        }
        return out;
    }

    /** An instruction id with its checker bound to its kwargs. */
    public record Bound(String id, Instruction instruction) {}

    @Override
    public String name() { return "ifeval"; }

    @Override
    public Score score(TaskState state) {
        List<Bound> instructions;
        try {
            instructions = instructions(state.sample().metadata());
        } catch (IllegalArgumentException e) {
            return Score.unscored(null, e.getMessage());
        }
        String response = state.completion() == null ? "" : state.completion();
        List<String> variants = looseVariants(response);
        int strict = 0, loose = 0;
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (Bound b : instructions) {
            boolean s = !PythonText.strip(response).isEmpty() && b.instruction().follows(response);
            boolean l = s;
            for (int i = 1; !l && i < variants.size(); i++) l = !PythonText.strip(variants.get(i)).isEmpty() && b.instruction().follows(variants.get(i));
            if (s) strict++;
            if (l) loose++;
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", b.id());
            v.put("strict", s);
            v.put("loose", l);
            verdicts.add(v);
        }
        int n = instructions.size();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("instructions", n);
        meta.put("strict_followed", strict);
        meta.put("loose_followed", loose);
        meta.put("prompt_loose", loose == n ? 1.0 : 0.0);
        meta.put("verdicts", verdicts);
        String why = strict + "/" + n + " instructions followed (strict), " + loose + "/" + n + " (loose)";
        return new Score(strict == n ? 1.0 : 0.0, null, why, meta);
    }

    /** The response first, then the seven loose variants in the reference's order. */
    static List<String> looseVariants(String response) {
        String[] lines = response.split("\n", -1);
        String first = PythonText.strip(String.join("\n", java.util.Arrays.asList(lines).subList(Math.min(1, lines.length), lines.length)));
        String last = PythonText.strip(String.join("\n", java.util.Arrays.asList(lines).subList(0, Math.max(0, lines.length - 1))));
        String both = PythonText.strip(lines.length < 2 ? "" : String.join("\n", java.util.Arrays.asList(lines).subList(1, lines.length - 1)));
        return List.of(response, response.replace("*", ""), first, last, both, first.replace("*", ""), last.replace("*", ""), both.replace("*", ""));
    }
}
