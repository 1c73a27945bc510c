package dev.arbiter.eval.engine;

import dev.arbiter.client.Capabilities;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.Usage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-process model for engine tests: answers each question with what {@code answers} says (keyed by the last
 * user message, which the test tasks make the sample id), counts calls, records every request, and tracks the
 * largest number of calls in flight at once. {@code behaviour} may throw a ModelException to script failures.
 */
class FakeClient implements ModelClient {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final List<GenerateRequest> requests = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> callsByQuestion = new ConcurrentHashMap<>();
    private final Function<String, String> answers;
    volatile Function<Integer, RuntimeException> failOnCall = n -> null;
    volatile long holdMillis;

    FakeClient(Function<String, String> answers) {
        this.answers = answers;
    }

    @Override
    public GenerateResponse generate(GenerateRequest request) {
        int n = calls.incrementAndGet();
        requests.add(request);
        String question = request.messages().get(request.messages().size() - 1).content();
        callsByQuestion.computeIfAbsent(question, k -> new AtomicInteger()).incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            RuntimeException failure = failOnCall.apply(n);
            if (failure != null) throw failure;
            if (holdMillis > 0) Thread.sleep(holdMillis);
            String text = answers.apply(question);
            return new GenerateResponse(text, null, "stop", new Usage(10, 2), null, null, "fake-model");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public Capabilities probe() {
        return new Capabilities(true, false, false, 4096, "fake-model", "fake-server");
    }

    @Override
    public List<String> listModels() {
        return List.of("fake-model");
    }

    @Override
    public String describe() {
        return "openai http://127.0.0.1:1 fake-model";
    }
}
