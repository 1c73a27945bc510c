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
    void boundsAreInclusive() {
        RequestRecord r = new RequestRecord(0, 1, 0, 0, 500_000_000L, 1_000_000_000L, null, 11, "usage", 11, 1, false,
                null, null, null);
        assertThat(Slo.parse("ttft=500ms,tpot=50ms").met(r)).isTrue();     // tpot exactly 50 ms
        assertThat(Slo.parse("ttft=499.999ms").met(r)).isFalse();
    }
}
