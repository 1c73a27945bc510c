package dev.arbiter.client;

import dev.arbiter.testing.ContractServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe reads a top-logprobs limit only from a refusal that states one. */
class TopLogprobsLimitTest {
    @Test
    void readsTgisLimitFromItsRecordedRefusal() {
        String body = ContractServer.fixture("tgi", "error-top-n-tokens.json");
        assertThat(CapabilityProbe.statedLimit(ErrorMapper.serverText(body))).isEqualTo(5);
    }

    @Test
    void findsNoLimitInOtherRefusals() {
        assertThat(CapabilityProbe.statedLimit(ErrorMapper.serverText(ContractServer.fixture("tgi", "error-context-overflow.json")))).isNull();
        assertThat(CapabilityProbe.statedLimit(ErrorMapper.serverText(ContractServer.fixture("vllm", "error-decoder-prompt.json")))).isNull();
        assertThat(CapabilityProbe.statedLimit(null)).isNull();
    }

    @Test
    void aStatedLimitAtOrAboveWhatWasAskedIsNoLimit() {
        assertThat(CapabilityProbe.statedLimit("`top_n_tokens` must be >= 0 and <= 20. Given: 20")).isNull();
    }
}
