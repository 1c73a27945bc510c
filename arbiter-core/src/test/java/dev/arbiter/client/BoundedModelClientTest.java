package dev.arbiter.client;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedModelClientTest {
    /** Counts calls in flight; each call waits until the test releases the gate. */
    static final class Counting implements ModelClient {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final CountDownLatch gate;

        Counting(CountDownLatch gate) { this.gate = gate; }

        @Override
        public GenerateResponse generate(GenerateRequest request) {
            int now = inFlight.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return new GenerateResponse("ok", null, "stop", null, null, null, "judge");
        }

        @Override
        public Capabilities probe() { return null; }

        @Override
        public List<String> listModels() { return List.of(); }

        @Override
        public String describe() { return "counting"; }
    }

    @Test
    void noMoreThanTheLimitOfCallsReachTheJudgeAtOnce() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Counting judge = new Counting(gate);
        BoundedModelClient bounded = new BoundedModelClient(judge, 2);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<GenerateResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> bounded.generate(GenerateRequest.chat(List.of(ChatMessage.user("q")), null))));
            }
            // wait until the limit is reached, then let everything through
            for (int i = 0; i < 500 && judge.inFlight.get() < 2; i++) Thread.sleep(10);
            Thread.sleep(50);
            assertThat(judge.inFlight.get()).isEqualTo(2);
            gate.countDown();
            for (Future<GenerateResponse> f : calls) assertThat(f.get(10, TimeUnit.SECONDS).text()).isEqualTo("ok");
            assertThat(judge.peak.get()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
