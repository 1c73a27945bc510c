package dev.arbiter.bench;

import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SloTest {
    @Test
    void readsArbiterAndVllmSpellingsWithUnits() {
        assertThat(Slo.parse("ttft=500ms,tpot=50ms")).isEqualTo(new Slo(500.0, 50.0, null));
        assertThat(Slo.parse("ttft:500 tpot:50 e2el:2000")).isEqualTo(new Slo(500.0, 50.0, 2000.0));
        assertThat(Slo.parse("e2e=2.5s")).isEqualTo(new Slo(null, null, 2500.0));
        assertThat(Slo.parse(null).isEmpty()).isTrue();
    }

    @Test
    void rejectsWhatItCannotReadNamingThePart() {
        assertThatThrownBy(() -> Slo.parse("ttft=500ms,latency=3")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'latency=3'");
        assertThatThrownBy(() -> Slo.parse("ttft=0")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesABoundGivenTwiceRatherThanKeepingOne() {
        assertThatThrownBy(() -> Slo.parse("ttft=500ms,tpot=50ms,ttft=2s")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ttft is given twice");
        // e2e and vLLM's e2el name the same bound
        assertThatThrownBy(() -> Slo.parse("e2e=2s e2el:3000")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("e2e is given twice");
    }

    @Test
    void boundsAreInclusive() {
        RequestRecord r = new RequestRecord(0, 1, 0, 0, 500_000_000L, 1_000_000_000L, null, 11, "usage", 11, 1, false,
                null, null, null);
        assertThat(Slo.parse("ttft=500ms,tpot=50ms").met(r)).isTrue();     // tpot exactly 50 ms
        assertThat(Slo.parse("ttft=499.999ms").met(r)).isFalse();
    }
}
