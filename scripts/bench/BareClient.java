import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.util.Ticker;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bare client loop of scripts/bench-e2e: N distinct streamed chat requests through Arbiter's own HTTP layer
 * (ModelClients.create → generate), C at a time, and nothing else — no task, store, log or scoring. Run with the
 * jar on the class path: {@code java -cp arbiter.jar scripts/bench/BareClient.java URL N C}. Prints the in-process
 * window (first request to last answer) on stdout; the script times the whole process.
 */
public final class BareClient {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int n = Integer.parseInt(args[1]);
        int c = Integer.parseInt(args[2]);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (ModelClient client = ModelClients.create(Endpoint.of(url, ApiFlavor.openai, "m"), Ticker.system())) {
            ExecutorService pool = Executors.newFixedThreadPool(c);
            long t0 = System.nanoTime();
            for (int t = 0; t < c; t++) {
                pool.execute(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        String q = "Question " + i + ": which option fits best? Think about item " + (i * 7) + ".";
                        try {
                            client.generate(new GenerateRequest(List.of(ChatMessage.user(q)), null, GenerationConfig.DEFAULT, true));
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "in-process window: %.2f s, %.0f req/s, %d failed%n", s, n / s, failed.get());
        }
    }
}
