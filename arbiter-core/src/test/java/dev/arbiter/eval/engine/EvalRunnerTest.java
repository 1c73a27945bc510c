package dev.arbiter.eval.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ModelException;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.metrics.Accuracy;
import dev.arbiter.eval.metrics.Stats;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvalRunnerTest {
    @TempDir Path dir;
    RunStore store;
    final AtomicInteger ids = new AtomicInteger();
    final List<Long> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        store = RunStore.open(dir.resolve("arbiter.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    EvalRunner runner(ProgressListener listener) {
        return new EvalRunner(store, new EngineEnvironment(Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"),
                ZoneOffset.UTC), () -> 0L, sleeps::add, new SplittableRandom(1), () -> "run-" + ids.incrementAndGet()),
                listener);
    }

    RunOptions.Builder options() {
        return RunOptions.builder(dir.resolve("runs"));
    }

    static ModelException error(ModelException.Kind kind, int status) {
        return new ModelException(kind, status, "scripted " + kind, null, null);
    }

    @Test
    void outcomesAreCountedOverEveryAnswerUnscoredOnesIncluded() {
        // even samples pass, odd ones cannot be graded (as a sandbox error): 5 passed, 5 sandbox_error
        dev.arbiter.eval.Scorer outcomes = new dev.arbiter.eval.Scorer() {
            @Override
            public String name() { return "outcomes"; }

            @Override
            public dev.arbiter.eval.Score score(dev.arbiter.eval.TaskState state) {
                int i = (Integer) state.sample().metadata().get("i");
                return i % 2 == 0
                        ? new dev.arbiter.eval.Score(1.0, "ok", "ran", java.util.Map.of("outcome", "passed"))
                        : new dev.arbiter.eval.Score(null, null, "sandbox failed", java.util.Map.of("outcome", "sandbox_error"));
            }
        };
        RunRecord r = runner(null).run(TestTasks.task(10, outcomes), TestTasks.endpoint(), new FakeClient(TestTasks::mostlyRight),
                options().build());
        TaskResult t = r.tasks().get(0);
        assertThat(t.outcomes()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("passed", 5, "sandbox_error", 5));
        assertThat(t.unscored()).isEqualTo(5);
    }

    @Test
    void aMetricThatCannotReduceTheAnswersEndsTheRunFailedWithItsAnswersKept() {
        dev.arbiter.eval.Task base = TestTasks.task(6);
        dev.arbiter.eval.Metric broken = new dev.arbiter.eval.Metric() {
            @Override
            public String name() { return "broken"; }

            @Override
            public dev.arbiter.eval.MetricValue compute(List<dev.arbiter.eval.SampleScore> scores) {
                throw new IllegalStateException("values outside 0..1");
            }
        };
        dev.arbiter.eval.Task task = new dev.arbiter.eval.Task(base.name(), base.version(), base.dataset(), base.solver(),
                base.scorer(), List.of(broken), base.config());
        RunRecord r = runner(null).run(task, TestTasks.endpoint(), new FakeClient(TestTasks::mostlyRight), options().build());
        assertThat(r.status()).isEqualTo(RunStatus.failed);
        assertThat(r.error().message()).contains("values outside 0..1");
        assertThat(r.tasks().get(0).scored()).isEqualTo(6);
        assertThat(store.run(r.runId()).orElseThrow().status()).isEqualTo("failed");
    }

    @Test
    void reportedAccuracyEqualsTheTruthExactly() {
        FakeClient client = new FakeClient(TestTasks::mostlyRight);
        RunRecord r = runner(null).run(TestTasks.task(30), TestTasks.endpoint(), client, options().build());

        TaskResult t = r.tasks().get(0);
        assertThat(r.status()).isEqualTo(RunStatus.completed);
        assertThat(t.metrics().get("accuracy").value()).isEqualTo(20.0 / 30);
        assertThat(t.scored()).isEqualTo(30);
        assertThat(t.unscored()).isZero();
        assertThat(client.calls.get()).isEqualTo(30);
        // Bernoulli with p = 2/3 over 30: s² = n/(n−1)·p(1−p), SE = s/√n
        double se = Math.sqrt(30.0 / 29 * (2.0 / 3) * (1.0 / 3)) / Math.sqrt(30);
        assertThat(t.metrics().get("accuracy").stderr()).isCloseTo(se, within(1e-12));
        assertThat(t.metrics().get("accuracy").ci95()).containsExactly(20.0 / 30 - Stats.Z95 * se, 20.0 / 30 + Stats.Z95 * se);
        assertThat(t.metrics().get("accuracy").wilson95()).hasSize(2);
    }

    @Test
    void unparseableAnswersAreCountedAsUnscoredAndLeftOutOfTheMean() {
        // q0..q9: q0, q1 unparseable; q2 wrong; the other 7 right → 7 of 8 scored
        FakeClient client = new FakeClient(q -> switch (q) {
            case "q0", "q1" -> TestTasks.UNPARSEABLE;
            case "q2" -> "wrong";
            default -> "a" + q.substring(1);
        });
        RunRecord r = runner(null).run(TestTasks.task(10), TestTasks.endpoint(), client, options().build());

        TaskResult t = r.tasks().get(0);
        assertThat(t.unscored()).isEqualTo(2);
        assertThat(t.errors()).isZero();
        assertThat(t.scored()).isEqualTo(8);
        assertThat(t.metrics().get("accuracy").value()).isEqualTo(7.0 / 8);
        assertThat(t.metrics().get("accuracy").n()).isEqualTo(8);
    }

    @Test
    void aRetriableErrorThatOutlivesItsRetriesMakesThatSampleAnErrorAndTheRunGoesOn() {
        List<Integer> failing = new CopyOnWriteArrayList<>();
        FakeClient broken = new FakeClient(q -> {
            if (q.equals("q4")) {
                failing.add(1);
                throw error(ModelException.Kind.SERVER_ERROR, 503);
            }
            return TestTasks.mostlyRight(q);
        });
        RunRecord r = runner(null).run(TestTasks.task(6), TestTasks.endpoint(), broken,
                options().maxRetries(2).build());

        TaskResult t = r.tasks().get(0);
        assertThat(r.status()).isEqualTo(RunStatus.completed);
        assertThat(failing).hasSize(3); // first try + 2 retries
        assertThat(t.errors()).isEqualTo(1);
        assertThat(t.unscored()).isEqualTo(1);
        assertThat(t.scored()).isEqualTo(5);
        // q0, q3 wrong; q1, q2, q5 right; q4 errored and left out: 3/5, not 3/6
        assertThat(t.metrics().get("accuracy").value()).isEqualTo(3.0 / 5);
        SampleRecord q4 = new RunReader(store).samples(r.runId()).stream()
                .filter(s -> s.sampleId().equals("q4")).findFirst().orElseThrow();
        assertThat(q4.status()).isEqualTo(SampleRecord.ERROR);
        assertThat(q4.score()).isNull();
        assertThat(q4.attempts()).isEqualTo(3);
        assertThat(q4.error().kind()).isEqualTo("server_error");
        assertThat(q4.error().httpStatus()).isEqualTo(503);
        // two waits, with full jitter under the retry policy's 0.5 s and 1 s caps
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(0L, 500_000_000L);
        assertThat(sleeps.get(1)).isBetween(0L, 1_000_000_000L);
    }

    @Test
    void aNonRetriableErrorFailsTheRunKeepsTheAnswersSoFarAndSaysWhatToDo() {
        FakeClient client = new FakeClient(TestTasks::mostlyRight);
        client.failOnCall = n -> n > 5 ? error(ModelException.Kind.UNAUTHORIZED, 401) : null;
        RunRecord r = runner(null).run(TestTasks.task(20), TestTasks.endpoint(), client,
                options().concurrency(1).build());

        assertThat(r.status()).isEqualTo(RunStatus.failed);
        assertThat(r.error().type()).isEqualTo(RunError.UNAVAILABLE);
        assertThat(r.error().message()).contains("refused the API key").contains("--resume run-1");
        TaskResult t = r.tasks().get(0);
        assertThat(t.scored()).isEqualTo(5);
        assertThat(t.missing()).isEqualTo(15);
        assertThat(store.run("run-1").orElseThrow().status()).isEqualTo("failed");
    }

    @Test
    void anUnknownModelIsAnInputErrorOfTheRun() {
        FakeClient client = new FakeClient(TestTasks::mostlyRight);
        client.failOnCall = n -> error(ModelException.Kind.NOT_FOUND, 404);
        RunRecord r = runner(null).run(TestTasks.task(3), TestTasks.endpoint(), client, options().build());

        assertThat(r.status()).isEqualTo(RunStatus.failed);
        assertThat(r.error().type()).isEqualTo(RunError.INVALID_INPUT);
    }

    @Test
    void anEndpointThatFailsTheProbeStopsBeforeAnythingIsStored() {
        FakeClient client = new FakeClient(TestTasks::mostlyRight) {
            @Override
            public dev.arbiter.client.Capabilities probe() {
                throw error(ModelException.Kind.CONNECTION, 0);
            }
        };
        assertThatThrownBy(() -> runner(null).run(TestTasks.task(3), TestTasks.endpoint(), client,
                options().maxRetries(1).build()))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("did not answer the probe");
        assertThat(store.runs()).isEmpty();
        assertThat(client.calls.get()).isZero();
    }

    @Test
    void noMoreRequestsThanTheConcurrencyAreEverInFlight() {
        FakeClient client = new FakeClient(TestTasks::mostlyRight);
        client.holdMillis = 2;
        RunRecord r = runner(null).run(TestTasks.task(60), TestTasks.endpoint(), client,
                options().concurrency(4).build());

        assertThat(r.tasks().get(0).scored()).isEqualTo(60);
        assertThat(client.maxInFlight.get()).isLessThanOrEqualTo(4).isGreaterThan(1);
    }

    @Test
    void aResumedRunAsksTheModelOnlyForTheAnswersItLacks() {
        FakeClient first = new FakeClient(TestTasks::mostlyRight);
        first.failOnCall = n -> n == 11 ? error(ModelException.Kind.BAD_REQUEST, 400) : null;
        RunRecord failed = runner(null).run(TestTasks.task(30), TestTasks.endpoint(), first,
                options().concurrency(1).cache(false).build());
        int stored = failed.tasks().get(0).scored();
        assertThat(failed.status()).isEqualTo(RunStatus.failed);
        assertThat(stored).isEqualTo(10);

        List<String> resumedNotice = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void resuming(String runId, int alreadyDone, int total) {
                resumedNotice.add(runId + " " + alreadyDone + "/" + total);
            }
        };
        FakeClient second = new FakeClient(TestTasks::mostlyRight);
        RunRecord resumed = runner(listener).run(TestTasks.task(30), TestTasks.endpoint(), second,
                options().concurrency(3).cache(false).build());

        assertThat(resumedNotice).containsExactly("run-1 10/30");
        assertThat(resumed.runId()).isEqualTo("run-1");
        assertThat(resumed.status()).isEqualTo(RunStatus.completed);
        assertThat(second.calls.get()).isEqualTo(20);
        Set<String> askedFirst = new HashSet<>();
        new RunReader(store).samples("run-1").forEach(s -> askedFirst.add(s.sampleId()));
        assertThat(askedFirst).hasSize(30);
        assertThat(second.callsByQuestion.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        assertThat(resumed.tasks().get(0).metrics().get("accuracy").value()).isEqualTo(20.0 / 30);
    }

    @Test
    void anIncompleteRunIsNotResumedByARunWhoseSamplesAskOtherQuestionsFromTheSameDatasetFile() {
        // e.g. mmlu --shots 0 then --shots 5, or other --subjects: same task, scorer and file digest, other prompts
        FakeClient first = new FakeClient(TestTasks::mostlyRight);
        first.failOnCall = n -> n == 11 ? error(ModelException.Kind.BAD_REQUEST, 400) : null;
        runner(null).run(TestTasks.task(30), TestTasks.endpoint(), first, options().concurrency(1).cache(false).build());

        dev.arbiter.eval.Task zeroShot = TestTasks.task(30);
        List<dev.arbiter.eval.Sample> fewShot = zeroShot.dataset().samples().stream().map(s -> new dev.arbiter.eval.Sample(
                s.id(), List.of(dev.arbiter.client.ChatMessage.system("worked examples"), s.input().get(0)), s.target(),
                s.choices(), s.metadata())).toList();
        dev.arbiter.eval.Task other = new dev.arbiter.eval.Task(zeroShot.name(), zeroShot.version(),
                new dev.arbiter.eval.Dataset(zeroShot.dataset().name(), zeroShot.dataset().path(),
                        zeroShot.dataset().sha256(), fewShot),
                zeroShot.solver(), zeroShot.scorer(), zeroShot.metrics(), zeroShot.config());
        FakeClient second = new FakeClient(TestTasks::mostlyRight);
        RunRecord r = runner(null).run(other, TestTasks.endpoint(), second, options().cache(false).build());

        assertThat(r.runId()).isEqualTo("run-2");
        assertThat(second.calls.get()).isEqualTo(30);
    }

    @Test
    void resumingACompletedRunByIdReasksOnlyItsErroredAnswersAndKeepsOneLogLineEach() throws Exception {
        FakeClient flaky = new FakeClient(q -> {
            if (q.equals("q2")) throw error(ModelException.Kind.TIMEOUT, 0);
            return TestTasks.mostlyRight(q);
        });
        RunRecord first = runner(null).run(TestTasks.task(6), TestTasks.endpoint(), flaky,
                options().maxRetries(0).cache(false).build());
        assertThat(first.status()).isEqualTo(RunStatus.completed);
        assertThat(first.tasks().get(0).errors()).isEqualTo(1);

        FakeClient healed = new FakeClient(TestTasks::mostlyRight);
        RunRecord again = runner(null).run(TestTasks.task(6), TestTasks.endpoint(), healed,
                options().resume(first.runId()).cache(false).build());

        assertThat(healed.callsByQuestion.keySet()).containsExactly("q2");
        assertThat(again.tasks().get(0).errors()).isZero();
        assertThat(again.tasks().get(0).metrics().get("accuracy").value()).isEqualTo(4.0 / 6);
        assertThat(Files.readAllLines(Path.of(again.log()))).hasSize(6);
    }

    @Test
    void aResumeOfARunAnotherWriterHoldsIsRefusedBeforeAskingAnything() {
        RunRecord first = runner(null).run(TestTasks.task(4), TestTasks.endpoint(),
                new FakeClient(q -> { throw error(ModelException.Kind.TIMEOUT, 0); }),
                options().maxRetries(0).cache(false).build());
        FakeClient second = new FakeClient(TestTasks::mostlyRight);

        try (dev.arbiter.eval.store.RunLease held = store.runLock(Clock.systemUTC()).acquire(first.runId())) {
            assertThatThrownBy(() -> runner(null).run(TestTasks.task(4), TestTasks.endpoint(), second,
                    options().resume(first.runId()).cache(false).build()))
                    .isInstanceOf(dev.arbiter.error.UnavailableException.class)
                    .hasMessageContaining("run " + first.runId() + " is being written by pid "
                            + ProcessHandle.current().pid());
        }
        assertThat(second.calls.get()).isZero();
        assertThat(store.run(first.runId()).orElseThrow().status()).isEqualTo("completed");
    }

    @Test
    void resumingARunWithOtherSettingsIsRefused() {
        runner(null).run(TestTasks.task(5), TestTasks.endpoint(), new FakeClient(TestTasks::mostlyRight),
                options().build());
        assertThatThrownBy(() -> runner(null).run(TestTasks.task(5), TestTasks.endpoint(),
                new FakeClient(TestTasks::mostlyRight), options().resume("run-1").epochs(2).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--epochs (that run: 1; now: 2)");
    }

    @Test
    void aCompletedRunIsNotResumedAutomaticallyButItsAnswersComeFromTheCache() {
        runner(null).run(TestTasks.task(12), TestTasks.endpoint(), new FakeClient(TestTasks::mostlyRight),
                options().build());
        FakeClient again = new FakeClient(TestTasks::mostlyRight);
        RunRecord second = runner(null).run(TestTasks.task(12), TestTasks.endpoint(), again, options().build());

        assertThat(second.runId()).isEqualTo("run-2");
        assertThat(again.calls.get()).isZero();
        assertThat(second.tasks().get(0).cachedCalls()).isEqualTo(12);
        assertThat(second.tasks().get(0).metrics().get("accuracy").value()).isEqualTo(8.0 / 12);
        // tokens are reported, but answers from the cache cost nothing again
        assertThat(second.tasks().get(0).tokensIn()).isPositive();
        assertThat(second.tasks().get(0).costUsd()).isZero();
    }

    @Test
    void theLogHasOneLinePerSampleAndEpochWithNullScoresWritten() throws Exception {
        FakeClient client = new FakeClient(q -> q.equals("q1") ? TestTasks.UNPARSEABLE : TestTasks.mostlyRight(q));
        RunRecord r = runner(null).run(TestTasks.task(5), TestTasks.endpoint(), client, options().epochs(3).build());

        List<String> lines = Files.readAllLines(Path.of(r.log()));
        assertThat(lines).hasSize(15);
        Set<String> keys = new HashSet<>();
        for (String line : lines) {
            JsonNode n = Json.mapper().readTree(line);
            keys.add(n.get("sample_id").asText() + "#" + n.get("epoch").asInt());
            assertThat(n.has("score")).isTrue();
            assertThat(n.get("input").get(0).get("content").asText()).isEqualTo(n.get("sample_id").asText());
            assertThat(n.get("tokens_in").asInt()).isEqualTo(10);
        }
        assertThat(keys).hasSize(15);
        assertThat(lines).filteredOn(l -> l.contains("\"sample_id\":\"q1\"")).allMatch(l -> l.contains("\"score\":null"));
        assertThat(r.tasks().get(0).tokensIn()).isEqualTo(150);
        assertThat(r.tasks().get(0).costUsd()).isCloseTo(150 / 1e6 * 1.0 + 30 / 1e6 * 2.0, within(1e-15));
    }

    @Test
    void eachEpochSendsTheRunSeedPlusItsIndex() {
        FakeClient client = new FakeClient(TestTasks::mostlyRight);
        runner(null).run(TestTasks.task(2), TestTasks.endpoint(), client, options().seed(7L).epochs(3).build());

        assertThat(client.requests).extracting(q -> q.config().seed()).containsExactlyInAnyOrder(7L, 8L, 9L, 7L, 8L, 9L);
    }

    @Test
    void theManifestNamesTheExperimentAndEndsWithTheStatus() throws Exception {
        RunRecord r = runner(null).run(TestTasks.task(4), TestTasks.endpoint(), new FakeClient(TestTasks::mostlyRight),
                options().seed(3L).limit(2).build());

        JsonNode m = Json.mapper().readTree(Path.of(r.manifest().outDir()).resolve("manifest.json").toFile());
        assertThat(m.get("status").asText()).isEqualTo("completed");
        assertThat(m.get("dataset_sha256").asText()).isEqualTo("abc123");
        assertThat(m.get("model").asText()).isEqualTo("fake-model");
        assertThat(m.get("server").get("context_length").asInt()).isEqualTo(4096);
        assertThat(m.get("samples").asInt()).isEqualTo(2);
        assertThat(m.get("started_at").asText()).isEqualTo("2025-03-01T12:00:00Z");
        assertThat(m.toString()).doesNotContain("FAKE_KEY");
        assertThat(Path.of(r.manifest().outDir()).resolve("run.json")).exists();
    }

    @Test
    void aStoppedRunIsInterruptedAndResumable() {
        FakeClient client = new FakeClient(TestTasks::mostlyRight);
        EvalRunner runner = runner(null);
        client.failOnCall = n -> {
            if (n == 4) runner.requestStop();
            return null;
        };
        RunRecord r = runner.run(TestTasks.task(20), TestTasks.endpoint(), client, options().concurrency(1).build());

        assertThat(r.status()).isEqualTo(RunStatus.interrupted);
        assertThat(r.tasks().get(0).missing()).isPositive();
        FakeClient rest = new FakeClient(TestTasks::mostlyRight);
        RunRecord resumed = runner(null).run(TestTasks.task(20), TestTasks.endpoint(), rest, options().build());
        assertThat(resumed.runId()).isEqualTo(r.runId());
        assertThat(resumed.status()).isEqualTo(RunStatus.completed);
        assertThat(rest.calls.get()).isEqualTo(r.tasks().get(0).missing());
    }

    @Test
    void rescoringStoredAnswersNeedsNoModelCall() {
        FakeClient client = new FakeClient(TestTasks::mostlyRight);
        RunRecord original = runner(null).run(TestTasks.task(9), TestTasks.endpoint(), client, options().build());
        int callsBefore = client.calls.get();

        RunRecord rescored = runner(null).rescore(original.runId(), TestTasks.lenient(), List.of(new Accuracy()), null,
                dir.resolve("runs"));

        assertThat(client.calls.get()).isEqualTo(callsBefore);
        assertThat(rescored.manifest().rescoredFrom()).isEqualTo(original.runId());
        assertThat(rescored.manifest().scorer()).isEqualTo("lenient");
        assertThat(original.tasks().get(0).metrics().get("accuracy").value()).isEqualTo(6.0 / 9);
        assertThat(rescored.tasks().get(0).metrics().get("accuracy").value()).isEqualTo(1.0);
        assertThat(new RunReader(store).samples(rescored.runId())).allMatch(s -> s.scorer().equals("lenient"));
    }

    @Test
    void rescoringAnUnfinishedRunGivesAnUnfinishedRunNotACompletedOne() {
        EvalRunner runner = runner(null);
        FakeClient client = new FakeClient(TestTasks::mostlyRight);
        client.failOnCall = n -> {
            if (n == 4) runner.requestStop();
            return null;
        };
        RunRecord stopped = runner.run(TestTasks.task(20), TestTasks.endpoint(), client, options().concurrency(1).build());
        assertThat(stopped.status()).isEqualTo(RunStatus.interrupted);

        RunRecord rescored = runner(null).rescore(stopped.runId(), TestTasks.lenient(), List.of(new Accuracy()), null,
                dir.resolve("runs"));
        assertThat(rescored.status()).isEqualTo(RunStatus.interrupted);
        assertThat(rescored.tasks().get(0).missing()).isEqualTo(stopped.tasks().get(0).missing()).isPositive();
        assertThat(store.run(rescored.runId()).orElseThrow().status()).isEqualTo("interrupted");
        // a run left "running" (killed with -9, or still being written) rescored: nothing will complete the copy
        assertThat(EvalRunner.rescoredStatus(RunStatus.running)).isEqualTo(RunStatus.interrupted);
        assertThat(EvalRunner.rescoredStatus(RunStatus.completed)).isEqualTo(RunStatus.completed);
        assertThat(EvalRunner.rescoredStatus(RunStatus.failed)).isEqualTo(RunStatus.interrupted);
    }

    /**
     * What a kill can lose: the engine holds at most {@code concurrency} items in its solvers plus one answer per
     * finisher taken and not yet stored, so a stalled scorer (or store) stops the requests there instead of letting
     * answers pile up that a kill -9 would lose. The solvers hand answers over and go on; this pins how far.
     */
    @Test
    void aStalledScorerStopsTheRequestsAtConcurrencyPlusFinishers() throws Exception {
        int concurrency = 2;
        int finishers = Math.max(8, Runtime.getRuntime().availableProcessors());  // as EvalRunner sizes them
        int n = concurrency + finishers + 10;
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        dev.arbiter.eval.Scorer stalled = new dev.arbiter.eval.Scorer() {
            @Override
            public String name() { return "stalled"; }

            @Override
            public dev.arbiter.eval.Score score(dev.arbiter.eval.TaskState state) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new dev.arbiter.eval.Score(1.0, "ok", "released", null);
            }
        };
        FakeClient client = new FakeClient(TestTasks::mostlyRight);
        EvalRunner runner = runner(null);
        java.util.concurrent.atomic.AtomicReference<RunRecord> done = new java.util.concurrent.atomic.AtomicReference<>();
        Thread run = new Thread(() -> done.set(runner.run(TestTasks.task(n, stalled), TestTasks.endpoint(), client,
                options().concurrency(concurrency).build())));
        run.start();

        // the requests stop once every solver and finisher holds an answer: wait until none is added for a while
        int seen = -1;
        int still = 0;
        for (int i = 0; i < 400 && still < 4; i++) {
            int now = client.calls.get();
            still = now > 0 && now == seen ? still + 1 : 0;
            seen = now;
            Thread.sleep(100);
        }
        assertThat(client.calls.get()).as("requests made while no answer could be scored").isEqualTo(concurrency + finishers);
        assertThat(store.samples(done.get() == null ? "run-1" : done.get().runId())).isEmpty();

        release.countDown();
        run.join(60_000);
        assertThat(done.get()).isNotNull();
        assertThat(done.get().status()).isEqualTo(RunStatus.completed);
        assertThat(store.samples(done.get() == null ? "run-1" : done.get().runId())).hasSize(n);
        assertThat(client.calls.get()).isEqualTo(n);
    }

    /**
     * Where an answer is finished: handed to a finisher unless there are more than twice as many solvers as cores
     * and finishing has been measured cheap; a scorer that waits (milliseconds: a judge, a sandbox) is always handed
     * over, and so is the first answer, before anything was measured.
     */
    @Test
    void aSolverFinishesItsAnswerItselfOnlyAtHighConcurrencyAndWhenFinishingIsCheap() {
        assertThat(RunSession.finishOnSolver(64, 2, 20_000)).isTrue();
        assertThat(RunSession.finishOnSolver(5, 2, 20_000)).isTrue();
        assertThat(RunSession.finishOnSolver(4, 2, 20_000)).as("not more than twice the cores").isFalse();
        assertThat(RunSession.finishOnSolver(1, 2, 0)).isFalse();
        assertThat(RunSession.finishOnSolver(64, 2, -1)).as("nothing measured yet").isFalse();
        assertThat(RunSession.finishOnSolver(64, 2, RunSession.CHEAP_FINISH_NANOS)).isFalse();
        assertThat(RunSession.finishOnSolver(64, 2, 5_000_000)).as("a judge's request").isFalse();
    }

    /**
     * At high concurrency a cheap scorer runs on the request threads (no hand-over per answer), and the run's
     * answers, log and results are the same as ever: every sample scored once, logged once, in the store.
     */
    @Test
    void atHighConcurrencyACheapScorerRunsOnTheRequestThreadsAndEveryAnswerIsKeptOnce() throws Exception {
        int concurrency = 2 * Runtime.getRuntime().availableProcessors() + 2;
        int n = 400;
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger scored = new java.util.concurrent.atomic.AtomicInteger();
        dev.arbiter.eval.Scorer cheap = new dev.arbiter.eval.Scorer() {
            @Override
            public String name() { return "cheap"; }

            @Override
            public dev.arbiter.eval.Score score(dev.arbiter.eval.TaskState state) {
                threads.add(Thread.currentThread().getName().replaceAll("\\d+$", ""));
                scored.incrementAndGet();
                return new dev.arbiter.eval.Score(1.0, "ok", "cheap", null);
            }
        };
        RunRecord r = runner(null).run(TestTasks.task(n, cheap), TestTasks.endpoint(), new FakeClient(TestTasks::mostlyRight),
                options().concurrency(concurrency).build());
        assertThat(r.status()).isEqualTo(RunStatus.completed);
        assertThat(scored.get()).isEqualTo(n);
        assertThat(threads).contains("arbiter-eval-");
        assertThat(store.samples(r.runId())).hasSize(n);
        java.util.List<String> log = java.nio.file.Files.readAllLines(java.nio.file.Path.of(r.manifest().outDir())
                .resolve(RunFiles.LOG));
        assertThat(log).hasSize(n);
        assertThat(log.stream().map(l -> l.replaceAll(".*\"sample_id\" ?: ?\"([^\"]+)\".*", "$1")).distinct()).hasSize(n);
    }

    /**
     * The same bound when the store stalls: answers are committed behind the solvers, and a solver takes a new item
     * only while fewer than concurrency + finishers are taken and not committed. Another connection holds SQLite's
     * write lock from the run's start; the requests stop there, nothing is stored, and once the lock is let go every
     * answer is committed and the run completes. (Without the bound the solvers would go on through all n items.)
     */
    @Test
    void aStalledStoreStopsTheRequestsAtConcurrencyPlusFinishers() throws Exception {
        int concurrency = 3;
        int finishers = Math.max(8, Runtime.getRuntime().availableProcessors());  // as EvalRunner sizes them
        int n = concurrency + finishers + 20;
        java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("arbiter.db"));
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        ProgressListener lockAtStart = new ProgressListener() {
            @Override
            public void started(Progress p) {
                try (java.sql.Statement st = other.createStatement()) {
                    st.execute("BEGIN EXCLUSIVE");  // the run's row is written; its answers' commits now wait
                    locked.countDown();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        FakeClient client = new FakeClient(TestTasks::mostlyRight);
        EvalRunner runner = runner(lockAtStart);
        java.util.concurrent.atomic.AtomicReference<RunRecord> done = new java.util.concurrent.atomic.AtomicReference<>();
        // no response cache: its writes, made by the solvers themselves, would wait for the lock too
        Thread run = new Thread(() -> done.set(runner.run(TestTasks.task(n, TestTasks.exact()), TestTasks.endpoint(), client,
                options().concurrency(concurrency).cache(false).build())));
        try {
            run.start();
            assertThat(locked.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            int seen = -1;
            int still = 0;
            for (int i = 0; i < 40 && still < 4; i++) {  // well inside the store's 10 s busy timeout
                int now = client.calls.get();
                still = now > 0 && now == seen ? still + 1 : 0;
                seen = now;
                Thread.sleep(100);
            }
            assertThat(client.calls.get()).as("requests made while no answer could be committed").isEqualTo(concurrency + finishers);
        } finally {
            try (java.sql.Statement st = other.createStatement()) {
                st.execute("ROLLBACK");
            }
            other.close();
        }
        run.join(60_000);
        assertThat(done.get()).isNotNull();
        assertThat(done.get().status()).isEqualTo(RunStatus.completed);
        assertThat(store.samples(done.get().runId())).hasSize(n);
        assertThat(client.calls.get()).isEqualTo(n);
    }
}
