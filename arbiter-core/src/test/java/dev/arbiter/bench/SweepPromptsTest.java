package dev.arbiter.bench;

import dev.arbiter.client.ChatMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each level of a sweep sends prompts the server has not seen, against a stand-in with a prefix cache: a new prompt's
 * first token comes after {@link #NEW_PROMPT_TTFT_MS}, a repeated one's after a tenth of it. Levels that resent the
 * first level's prompts measured the cache, not the load: TTFT p50 301.6 then 30.8 ms at the same concurrency.
 */
class SweepPromptsTest {
    static final double NEW_PROMPT_TTFT_MS = 100;

    private static List<Bench.Level> sweep(DelayStubServer s, Workload w, int levels, int requests, int warmup) {
        BenchRunner r = new BenchRunner(BenchOverHttpTest.call(s.uri()), w);
        List<LoadLevel> ls = new ArrayList<>();
        for (int i = 0; i < levels; i++) ls.add(LoadLevel.closed(1));
        BenchPlan plan = new BenchPlan(ls, new BenchRunner.Bound(requests, null), warmup, 7, Slo.parse("ttft=50ms"), null);
        return new Bench(r, () -> null).run(plan, LevelListener.NONE);
    }

    @Test
    void aSweepsLevelsAtTheSameLoadMeasureTheSameUncachedTtft() throws Exception {
        try (DelayStubServer s = new DelayStubServer(NEW_PROMPT_TTFT_MS, 1, 1, DelayStubServer.Mode.PREFIX_CACHE, null)) {
            List<Bench.Level> levels = sweep(s, new SyntheticWorkload(7, LengthSpec.fixed(8), LengthSpec.fixed(3), 1, 0), 2, 4, 2);
            assertThat(s.repeats()).as("requests the server had answered before").isZero();
            for (Bench.Level l : levels) {
                assertThat(l.result().completed()).isEqualTo(4);
                assertThat(l.result().ttftMs().min()).isGreaterThanOrEqualTo(NEW_PROMPT_TTFT_MS);
                assertThat(l.result().goodput().good()).isZero();  // none can meet 50 ms uncached
                assertThat(l.result().warnings()).noneMatch(w -> w.contains("repeat"));
            }
        }
    }

    @Test
    void aDatasetSweepGoesOnThroughTheDatasetAndSaysWhenALevelHadToRepeatPrompts() throws Exception {
        List<DatasetWorkload.Prompt> ps = new ArrayList<>();
        for (int i = 0; i < 5; i++) ps.add(new DatasetWorkload.Prompt("q" + i, null, List.of(ChatMessage.user("question number " + i))));
        DatasetWorkload w = new DatasetWorkload("t", "file.jsonl", ps, LengthSpec.fixed(3), 1, 3);
        try (DelayStubServer s = new DelayStubServer(NEW_PROMPT_TTFT_MS, 1, 1, DelayStubServer.Mode.PREFIX_CACHE, null)) {
            // 1 warm-up (from the dataset's other end) + 2 levels × 2 = the 5 prompts; a third level must repeat 2
            List<Bench.Level> levels = sweep(s, w, 3, 2, 1);
            List<String> sent = s.requests.stream().map(q -> q.path("messages").get(0).path("content").asText()).toList();
            assertThat(sent).hasSize(7);
            assertThat(sent.subList(0, 5)).doesNotHaveDuplicates();
            assertThat(s.repeats()).isEqualTo(2);
            for (Bench.Level l : levels.subList(0, 2)) {
                assertThat(l.result().ttftMs().min()).isGreaterThanOrEqualTo(NEW_PROMPT_TTFT_MS);
                assertThat(l.result().warnings()).noneMatch(x -> x.contains("repeat"));
            }
            assertThat(levels.get(2).result().warnings()).anyMatch(x -> x.startsWith("2 of this level's 2 conversations "
                    + "repeat prompts the run had already sent (the workload has 5; the warm-up took 1, earlier levels 4)"));
        }
    }
}
