package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.Script;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real mt_bench runs are stored through the CLI (models ALPHA and BETA, each answering every turn with its own
 * name), then a scripted pairwise judge whose verdict depends on which answer it sees in position A decides each of
 * the four questions in a known way, so the win, loss, tie and inconsistency counts are known exactly:
 * <ol>
 *   <li>ALPHA is better, whichever position it is in: a win, both turns;</li>
 *   <li>BETA is better: a loss, both turns;</li>
 *   <li>the judge always prefers whatever it sees first: the orders disagree, a tie counted inconsistent, both turns;</li>
 *   <li>turn 1: the judge says [[C]] in both orders, a consistent tie; turn 2: with BETA first it writes no verdict,
 *       a parse failure that leaves the comparison unjudged.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MtBenchPairCommandTest {
    /** The two runs are stored once for the class; each test brings its own judge. */
    @TempDir static Path dir;
    final List<ScriptedLlmServer> runServers = new ArrayList<>();
    final List<ScriptedLlmServer> servers = new ArrayList<>();
    /** Question (turn 1 text) → 0..3, the behaviour above; filled once the runs are stored. */
    final Map<String, Integer> modes = new HashMap<>();
    final Map<Integer, String> categories = new HashMap<>();
    ScriptedLlmServer alpha;
    ScriptedLlmServer beta;
    String runA;
    String runB;

    @AfterEach
    void stopJudges() {
        servers.forEach(ScriptedLlmServer::close);
        servers.clear();
    }

    @AfterAll
    void stopModels() {
        runServers.forEach(ScriptedLlmServer::close);
    }

    ScriptedLlmServer server(String model, Script s) {
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models(model).script(s).start();
        servers.add(srv);
        return srv;
    }

    static String db() {
        return dir.resolve("s.db").toString();
    }

    @BeforeAll
    void storeTwoRuns() {
        ScriptedLlmServer rater = server("rater", Script.replyWith(q -> "Adequate. Rating: [[5]]"));
        alpha = server("alpha", Script.replyWith(q -> "ALPHA answers this."));
        beta = server("beta", Script.replyWith(q -> "BETA answers this."));
        runServers.addAll(servers);
        servers.clear();
        runA = eval(alpha, "alpha", rater);
        runB = eval(beta, "beta", rater);
        try (RunStore store = RunStore.open(Path.of(db()))) {
            List<SampleRecord> samples = new RunReader(store).samples(runA);
            assertThat(samples).hasSize(4);
            for (int i = 0; i < samples.size(); i++) {
                modes.put(samples.get(i).input().get(0).content(), i);
                categories.put(i, (String) samples.get(i).sampleMetadata().get("category"));
            }
        }
    }

    String eval(ScriptedLlmServer model, String name, ScriptedLlmServer rater) {
        CliRun r = CliRun.of("eval", "--endpoint", model.baseUri().toString(), "--model", name, "--task", "mt_bench",
                "--data", SharedData.path("mt_bench").toString(), "--limit", "4", "--seed", "1",
                "--judge-endpoint", rater.baseUri().toString(), "--judge-model", "rater",
                "--store", db(), "--out", dir.resolve(name).toString(), "--quiet", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        return r.json().get("run_id").asText();
    }

    /** The pairwise judge: reads the question and which model sits in position A, answers per the question's mode. */
    Reply judge(RecordedRequest req) {
        String prompt = req.lastUserMessage();
        int mode = modes.entrySet().stream().filter(e -> prompt.contains(e.getKey())).mapToInt(Map.Entry::getValue)
                .findFirst().orElseThrow();
        boolean alphaFirst = prompt.indexOf("ALPHA") < prompt.indexOf("BETA");
        boolean turn2 = prompt.contains("### User:");
        String alphaWins = alphaFirst ? "[[A]]" : "[[B]]";
        String betaWins = alphaFirst ? "[[B]]" : "[[A]]";
        String verdict = switch (mode) {
            case 0 -> alphaWins;
            case 1 -> betaWins;
            case 2 -> "[[A]]";
            default -> !turn2 ? "[[C]]" : alphaFirst ? "[[C]]" : "Both have merit; I cannot choose.";
        };
        return Reply.text("Comparing both answers carefully. " + verdict);
    }

    CliRun pair(ScriptedLlmServer judge, String... more) {
        List<String> a = new ArrayList<>(List.of("mt-bench-pair", runA, runB, "--judge-endpoint", judge.baseUri().toString(),
                "--judge-model", "judge", "--store", db()));
        a.addAll(List.of(more));
        return CliRun.of(a.toArray(String[]::new));
    }

    @Test
    void winsLossesTiesAndInconsistenciesEqualTheScriptedTruth() {
        ScriptedLlmServer judge = server("judge", this::judge);

        CliRun r = pair(judge, "--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode o = r.json().get("overall");
        assertThat(o.get("wins").asInt()).isEqualTo(2);
        assertThat(o.get("losses").asInt()).isEqualTo(2);
        assertThat(o.get("ties").asInt()).isEqualTo(3);
        assertThat(o.get("inconsistent").asInt()).isEqualTo(2);
        assertThat(o.get("unjudged").asInt()).isEqualTo(1);
        assertThat(o.get("judged").asInt()).isEqualTo(7);
        assertThat(o.get("win_rate").asDouble()).isEqualTo(2.0 / 7);
        assertThat(o.get("decisive_win_share").asDouble()).isEqualTo(0.5);
    }

    @Test
    void eachTurnIsTalliedOnItsOwn() {
        JsonNode t = pair(server("judge", this::judge), "--format", "json").json().get("by_turn");

        assertThat(List.of(t.get("turn_1").get("wins").asInt(), t.get("turn_1").get("losses").asInt(),
                t.get("turn_1").get("ties").asInt(), t.get("turn_1").get("inconsistent").asInt(),
                t.get("turn_1").get("unjudged").asInt())).containsExactly(1, 1, 2, 1, 0);
        assertThat(List.of(t.get("turn_2").get("wins").asInt(), t.get("turn_2").get("losses").asInt(),
                t.get("turn_2").get("ties").asInt(), t.get("turn_2").get("inconsistent").asInt(),
                t.get("turn_2").get("unjudged").asInt())).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void eachCategoryHoldsTheOutcomesOfItsQuestions() {
        JsonNode c = pair(server("judge", this::judge), "--format", "json").json().get("by_category");

        Map<String, int[]> expected = new HashMap<>(); // category → wins, losses, ties, unjudged
        int[][] perMode = {{2, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 2, 0}, {0, 0, 1, 1}};
        categories.forEach((mode, cat) -> {
            int[] e = expected.computeIfAbsent(cat, k -> new int[4]);
            for (int i = 0; i < 4; i++) e[i] += perMode[mode][i];
        });
        assertThat(c.size()).isEqualTo(expected.size());
        expected.forEach((cat, e) -> assertThat(new int[]{c.get(cat).get("wins").asInt(), c.get(cat).get("losses").asInt(),
                c.get(cat).get("ties").asInt(), c.get(cat).get("unjudged").asInt()}).as(cat).containsExactly(e));
    }

    @Test
    void aVerdictTheJudgeDidNotWriteIsCountedAsAParseFailure() {
        JsonNode j = pair(server("judge", this::judge), "--format", "json").json();

        assertThat(j.get("parse_failures").asInt()).isEqualTo(1);
        assertThat(j.get("judge_errors").asInt()).isZero();
        assertThat(j.get("judge_calls").asInt()).isEqualTo(16);
    }

    @Test
    void onlyTheJudgeIsCalledEachTurnOnceInEachOrder() {
        int alphaBefore = alpha.generationRequests().size();
        int betaBefore = beta.generationRequests().size();
        ScriptedLlmServer judge = server("judge", this::judge);

        pair(judge);

        assertThat(alpha.generationRequests()).hasSize(alphaBefore);
        assertThat(beta.generationRequests()).hasSize(betaBefore);
        List<String> prompts = judge.generationRequests().stream().map(RecordedRequest::lastUserMessage).toList();
        assertThat(prompts).hasSize(16);
        assertThat(prompts.stream().filter(p -> p.indexOf("ALPHA") < p.indexOf("BETA"))).hasSize(8);
    }

    @Test
    void theJsonCarriesItsSchemaVersionAndKind() {
        JsonNode j = pair(server("judge", this::judge), "--format", "json").json();

        assertThat(j.get("schema_version").asInt()).isEqualTo(JsonOut.SCHEMA_VERSION);
        assertThat(j.get("kind").asText()).isEqualTo("mt_bench_pair");
        assertThat(j.get("a").get("run_id").asText()).isEqualTo(runA);
        assertThat(j.get("a").get("model").asText()).isEqualTo("alpha");
    }

    @Test
    void theTextViewShowsTheRatesAndThePositionBias() {
        CliRun r = pair(server("judge", this::judge));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 unreadable verdict(s)").containsPattern("(?m)^overall +7 +2 +2 +3  0\\.286 \\[");
        assertThat(r.out()).containsPattern("(?m)^overall .* +2 +1$");
    }

    @Test
    void aJudgeThatFailsEveryCallIsUnavailable() {
        CliRun r = pair(server("judge", Script.always(Reply.status(401, "{\"error\":{\"message\":\"no\"}}"))), "--retries", "0");

        assertThat(r.exit()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(r.err()).contains("judge failed all 16 calls");
    }

    @Test
    void aRunComparedWithItselfIsABadUsageError() {
        CliRun r = CliRun.of("mt-bench-pair", runA, runA, "--judge-endpoint", "http://127.0.0.1:9", "--judge-model", "j",
                "--store", db());

        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("two different runs");
    }

    @Test
    void aRunOfAnotherTaskIsRefusedNamingIt() throws Exception {
        Path csv = dir.resolve("qa-" + System.nanoTime() + ".csv");
        Files.writeString(csv, "input,target\nping,pong\n");
        ScriptedLlmServer other = server("m", Script.replyWith(q -> "pong"));
        CliRun custom = CliRun.of("eval", "--endpoint", other.baseUri().toString(), "--model", "m", "--task", "custom",
                "--data", csv.toString(), "--store", db(), "--out", dir.resolve("custom-" + System.nanoTime()).toString(), "--quiet", "--format", "json");
        String customRun = custom.json().get("run_id").asText();

        CliRun r = CliRun.of("mt-bench-pair", runA, customRun, "--judge-endpoint", "http://127.0.0.1:9", "--judge-model", "j",
                "--store", db());

        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains(customRun).contains("not mt_bench");
    }

    @Test
    void helpShowsExamples() {
        CliRun r = CliRun.of("mt-bench-pair", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("./arbiter mt-bench-pair").contains("--judge-endpoint").contains("95% intervals");
    }
}
