package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.Script;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's own metrics after {@code merge}: four shards of MT-Bench (two judged turns, per-category means), of IFEval
 * (prompt- and instruction-level, strict and loose) and of MATH (per-subject and per-level accuracy) merge into
 * exactly the metrics of the same evaluation run unsharded — every value, standard error and interval to the last
 * digit — because merge builds the task again from the recipe its shards recorded. A merged vision run carries the
 * shards' images. Without the task's dataset, merge says which metrics it could not recompute.
 */
class ShardedTaskMetricsMergeTest {
    @TempDir Path dir;
    final List<ScriptedLlmServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(ScriptedLlmServer::close);
    }

    ScriptedLlmServer server(Script s) {
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(s).start();
        servers.add(srv);
        return srv;
    }

    /** A judge whose rating (1–10) follows from the text it judges: the same answer always gets the same rating. */
    ScriptedLlmServer judge() {
        return server(Script.replyWith(q -> "Fair enough. Rating: [[" + (Math.floorMod(q.hashCode(), 10) + 1) + "]]"));
    }

    CliRun eval(ScriptedLlmServer model, String shard, List<String> args) {
        List<String> a = new ArrayList<>(List.of("eval", "--endpoint", model.baseUri().toString(), "--model", "m",
                "--store", dir.resolve("s.db").toString(), "--out", dir.resolve("run-" + (shard == null ? "whole" : shard.replace('/', '-'))).toString(),
                "--no-cache", "--concurrency", "4", "--quiet", "--format", "json"));
        a.addAll(args);
        if (shard != null) a.addAll(List.of("--shard", shard));
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    /** The unsharded run and the merge of its four shards. */
    CliRun[] wholeAndMerged(ScriptedLlmServer model, List<String> args) {
        CliRun whole = eval(model, null, args);
        List<String> merge = new ArrayList<>(List.of("merge", "--store", dir.resolve("s.db").toString(), "--format", "json",
                "--out", dir.resolve("merged").toString()));
        for (int k = 4; k >= 1; k--) merge.add(eval(model, k + "/4", args).json().get("run_id").asText());
        return new CliRun[]{whole, CliRun.of(merge.toArray(String[]::new))};
    }

    static JsonNode metrics(CliRun r) {
        assertThat(r.exit()).as(r.err()).isZero();
        return r.json().get("tasks").get(0).get("metrics");
    }

    @Test
    void mtBenchTurnAndCategoryScoresOfFourMergedShardsEqualTheUnshardedRun() {
        ScriptedLlmServer model = server(Script.replyWith(q -> "My answer to " + q.substring(0, Math.min(40, q.length()))));
        ScriptedLlmServer judge = judge();
        CliRun[] runs = wholeAndMerged(model, List.of("--task", "mt_bench", "--data", SharedData.path("mt_bench").toString(),
                "--limit", "24", "--seed", "5", "--judge-endpoint", judge.baseUri().toString(), "--judge-model", "m"));
        JsonNode whole = metrics(runs[0]);
        JsonNode merged = metrics(runs[1]);
        assertThat(merged.has("turn_1")).as(runs[1].err()).isTrue();
        assertThat(merged.has("turn_2")).isTrue();
        assertThat(merged.get("turn_2").get("n").asInt()).isEqualTo(24);
        assertThat(merged.get("turn_1").get("stderr").asDouble()).isPositive();
        assertThat(merged.toString()).isEqualTo(whole.toString());
        assertThat(runs[1].err()).doesNotContain("not recomputed");
        assertThat(runs[1].json().get("tasks").get(0).get("samples").asInt()).isEqualTo(24);
    }

    @Test
    void ifevalPromptAndInstructionLevelMetricsOfFourMergedShardsEqualTheUnshardedRun() throws Exception {
        Path data = ifevalData(dir.resolve("input_data.jsonl"), 40);
        ScriptedLlmServer model = server(r -> Reply.text(ifevalAnswer(r.lastUserMessage())));
        CliRun[] runs = wholeAndMerged(model, List.of("--task", "ifeval", "--data", data.toString(), "--epochs", "2"));
        JsonNode whole = metrics(runs[0]);
        JsonNode merged = metrics(runs[1]);
        for (String m : List.of("prompt_level_strict_acc", "inst_level_strict_acc", "prompt_level_loose_acc", "inst_level_loose_acc")) {
            assertThat(merged.has(m)).as(m + "\n" + runs[1].err()).isTrue();
            assertThat(merged.get(m).get("stderr").asDouble()).as(m).isPositive();
        }
        // the answers make strict and loose differ, so a mix-up of the two would show
        assertThat(merged.get("prompt_level_loose_acc").get("value").asDouble())
                .isGreaterThan(merged.get("prompt_level_strict_acc").get("value").asDouble());
        assertThat(merged.toString()).isEqualTo(whole.toString());
    }

    @Test
    void mathSubjectAndLevelBreakdownsOfFourMergedShardsEqualTheUnshardedRun() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.path("math/test.jsonl")).subList(0, 60);
        Path data = Files.writeString(dir.resolve("math.jsonl"), String.join("\n", lines) + "\n");
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();  // problem → right answer, wrong for every third
        for (int i = 0; i < lines.size(); i++) {
            JsonNode row = dev.arbiter.util.Json.mapper().readTree(lines.get(i));
            answers.put(row.get("problem").asText(), i % 3 == 0 ? "\\boxed{-12345}" : lastBoxed(row.get("solution").asText()));
        }
        ScriptedLlmServer model = server(Script.replyWith(q -> answers.entrySet().stream()
                .filter(e -> q != null && q.contains(e.getKey())).map(java.util.Map.Entry::getValue).findFirst().orElse("OK")));
        CliRun[] runs = wholeAndMerged(model, List.of("--task", "math", "--data", data.toString()));
        JsonNode whole = metrics(runs[0]);
        JsonNode merged = metrics(runs[1]);
        assertThat(merged.get("accuracy").get("value").asDouble()).isBetween(0.5, 0.67);
        assertThat(merged.has("subject/algebra")).as(merged.toString()).isTrue();
        assertThat(merged.has("level/5")).isTrue();
        assertThat(merged.toString()).isEqualTo(whole.toString());
    }

    /** The last {@code \boxed{…}} of a solution, braces balanced: the reference answer in MATH's own notation. */
    static String lastBoxed(String solution) {
        int start = solution.lastIndexOf("\\boxed{");
        int depth = 0;
        for (int i = start + "\\boxed".length(); i < solution.length(); i++) {
            char c = solution.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return solution.substring(start, i + 1);
        }
        throw new IllegalArgumentException("no balanced \\boxed{} in " + solution);
    }

    @Test
    void withoutTheTasksDatasetMergeSaysWhichMetricsItCouldNotRecompute() throws Exception {
        Path copy = dir.resolve("mt_bench_copy");
        copyTree(SharedData.path("mt_bench"), copy);
        ScriptedLlmServer model = server(Script.replyWith(q -> "An answer."));
        ScriptedLlmServer judge = judge();
        List<String> args = List.of("--task", "mt_bench", "--data", copy.toString(), "--limit", "8", "--seed", "2",
                "--judge-endpoint", judge.baseUri().toString(), "--judge-model", "m");
        List<String> merge = new ArrayList<>(List.of("merge", "--store", dir.resolve("s.db").toString(), "--format", "json"));
        for (int k = 1; k <= 2; k++) merge.add(eval(model, k + "/2", args).json().get("run_id").asText());
        deleteTree(copy);
        CliRun merged = CliRun.of(merge.toArray(String[]::new));
        assertThat(merged.exit()).as(merged.err()).isZero();
        assertThat(merged.err()).contains("task mt_bench cannot be built again here")
                .contains("not recomputed: score, turn_1, turn_2");
        assertThat(metrics(merged).has("turn_1")).isFalse();
    }

    @Test
    void aMergedVisionRunCarriesTheShardsImagesSoItsReportShowsThem() throws Exception {
        ScriptedLlmServer model = server(r -> Reply.text("Answer: 3."));
        CliRun[] runs = wholeAndMerged(model, List.of("--task", "chart_qa_synth", "--option", "count=8", "--seed", "5"));
        assertThat(metrics(runs[1]).toString()).isEqualTo(metrics(runs[0]).toString());
        String mergedId = runs[1].json().get("run_id").asText();
        try (Stream<Path> files = Files.list(dir.resolve("merged").resolve("images"))) {
            List<Path> images = files.toList();
            assertThat(images).hasSize(8);
            for (Path p : images) {
                assertThat(p.getFileName().toString()).isEqualTo(java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))) + ".png");
            }
        }
        Path html = dir.resolve("merged.html");
        CliRun report = CliRun.of("report", mergedId, "--store", dir.resolve("s.db").toString(), "--out", html.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(Files.readString(html).split("<img class=\"sample\"", -1)).hasSize(9);
        assertThat(Files.readString(html)).contains("src=\"data:image/png;base64,iVBOR");

        // a shard whose run directory is elsewhere (another pod): the merge says what its report will lack
        deleteTree(dir.resolve("run-2-4").resolve("images"));
        List<String> again = new ArrayList<>(List.of("merge", "--store", dir.resolve("s.db").toString(), "--out",
                dir.resolve("merged-again").toString()));
        runs[1].json().get("manifest").get("scale").get("merged_from").forEach(id -> again.add(id.asText()));
        CliRun partial = CliRun.of(again.toArray(String[]::new));
        assertThat(partial.exit()).as(partial.err()).isZero();
        assertThat(partial.err()).containsPattern("merge: [1-8] of 8 images the answers were asked with are not beside the shard runs");
    }

    /** {@code n} prompts, each with one to three checkable instructions; prompt i is "Prompt i: …". */
    static Path ifevalData(Path file, int n) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String ids = switch (i % 3) {
                case 0 -> "\"detectable_format:title\", \"punctuation:no_comma\"";
                case 1 -> "\"punctuation:no_comma\"";
                default -> "\"detectable_format:title\", \"punctuation:no_comma\", \"detectable_format:constrained_response\"";
            };
            String kwargs = switch (i % 3) {
                case 0 -> "{}, {}";
                case 1 -> "{}";
                default -> "{}, {}, {}";
            };
            b.append("{\"key\": ").append(i).append(", \"prompt\": \"Prompt ").append(i)
                    .append(": write something.\", \"instruction_id_list\": [").append(ids).append("], \"kwargs\": [")
                    .append(kwargs).append("]}\n");
        }
        return Files.writeString(file, b.toString());
    }

    /** Follows everything, breaks the comma rule only in a chatty first line (loose forgives it), or breaks it all. */
    static String ifevalAnswer(String prompt) {
        if (prompt == null || !prompt.startsWith("Prompt ")) return "OK";  // the capability probe
        int i = Integer.parseInt(prompt.substring("Prompt ".length(), prompt.indexOf(':')));
        return switch (i % 4) {
            case 0 -> "<<Spring>>\nBlossoms open wide\nMy answer is yes.";
            case 1 -> "Sure, here it is:\n<<Autumn>>\nLeaves fall slowly";
            case 2 -> "plain text, with a comma";
            default -> "My answer is yes.";
        };
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
