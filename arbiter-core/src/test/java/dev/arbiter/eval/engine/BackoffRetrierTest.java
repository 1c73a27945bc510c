package dev.arbiter.eval.engine;

import dev.arbiter.client.ModelException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffRetrierTest {
    final List<Long> slept = new ArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();
    final BackoffRetrier retrier = BackoffRetrier.standard(3, slept::add);

    static ModelException err(ModelException.Kind k, Long retryAfterMs) {
        return new ModelException(k, 0, k.name(), retryAfterMs, null);
    }

    @Test
    void serverErrorsAreRetriedWithDoublingWaitsThenSucceed() throws Exception {
        String r = retrier.call(() -> {
            if (attempts.get() < 3) throw err(ModelException.Kind.SERVER_ERROR, null);
            return "ok";
        }, attempts::incrementAndGet);
        assertThat(r).isEqualTo("ok");
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(slept).containsExactly(1_000_000_000L, 2_000_000_000L);
    }

    @Test
    void aRateLimitWaitsWhatTheServerAskedInRetryAfter() throws Exception {
        retrier.call(() -> {
            if (attempts.get() == 1) throw err(ModelException.Kind.RATE_LIMITED, 7_000L);
            return "ok";
        }, attempts::incrementAndGet);
        assertThat(slept).containsExactly(7_000_000_000L);
    }

    @Test
    void theLastErrorIsThrownWhenRetriesRunOut() {
        assertThatThrownBy(() -> retrier.call(() -> {
            throw err(ModelException.Kind.TIMEOUT, null);
        }, attempts::incrementAndGet)).isInstanceOf(ModelException.class).hasMessage("TIMEOUT");
        assertThat(attempts.get()).isEqualTo(4);
    }

    @Test
    void aNonRetriableErrorIsThrownAtOnce() {
        assertThatThrownBy(() -> retrier.call(() -> {
            throw err(ModelException.Kind.UNAUTHORIZED, null);
        }, attempts::incrementAndGet)).isInstanceOf(ModelException.class);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(slept).isEmpty();
    }
}
