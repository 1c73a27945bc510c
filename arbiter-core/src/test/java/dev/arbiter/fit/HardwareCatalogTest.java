package dev.arbiter.fit;

import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HardwareCatalogTest {

    @Test
    void bundledProfilesCoverTheRequiredDevicesWithSources() {
        HardwareCatalog c = HardwareCatalog.bundled();
        assertThat(c.all()).extracting(Hardware::id).contains("rtx-3090", "rtx-4090", "rtx-5090", "a6000", "l40s",
                "a100-40gb", "a100-80gb", "h100-80gb", "h200", "mi300x", "m2-ultra-192gb", "m3-max-128gb", "m4-max-128gb",
                "raspberry-pi-5-8gb", "jetson-orin-nano-8gb", "phone-8gb");
        assertThat(c.all()).allSatisfy(h -> assertThat(h.source()).startsWith("https://"));
    }

    @Test
    void appleProfilesUseTheMetalWorkingSetLimitNotTheRamSize() {
        assertThat(HardwareCatalog.bundled().get("m2-ultra-192gb").memoryGb()).isEqualTo(0.75 * 192);
        assertThat(HardwareCatalog.bundled().get("m4-max-128gb").memoryGb()).isEqualTo(0.75 * 128);
    }

    @Test
    void aPhoneOffersAnAppMuchLessThanItsRam() {
        assertThat(HardwareCatalog.bundled().get("phone-8gb").memoryGb()).isLessThan(8);
    }

    @Test
    void unknownIdSuggestsTheNearest() {
        assertThatThrownBy(() -> HardwareCatalog.bundled().get("rtx4090"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("did you mean rtx-4090");
    }

    @Test
    void linkFiguresComeFromTheProfileOrTheInterconnectsDefaults() {
        Hardware h100 = HardwareCatalog.bundled().get("h100-80gb");
        assertThat(h100.linkGbs()).isEqualTo(450.0);
        assertThat(h100.allReduceUs()).isEqualTo(Interconnect.NVLINK.defaultAllReduceLatencyUs());
        assertThat(h100.hostGbs()).isEqualTo(64.0);
        assertThat(h100.datacenter()).isTrue();
        Hardware a100 = HardwareCatalog.bundled().get("a100-80gb");
        assertThat(a100.linkGbs()).isEqualTo(300.0);
        Hardware rtx = HardwareCatalog.bundled().get("rtx-4090");
        assertThat(rtx.datacenter()).isFalse();
        assertThat(rtx.linkGbs()).isEqualTo(Interconnect.PCIE.defaultBandwidthGbs());
        assertThat(rtx.allReduceUs()).isGreaterThan(h100.allReduceUs());
    }

    @Test
    void aNegativeAllReduceLatencyIsRefusedWithItsField() {
        String yaml = """
                hardware:
                  - id: odd
                    name: odd
                    kind: gpu
                    memory_gb: 8
                    bandwidth_gbs: 100
                    interconnect: nvlink
                    allreduce_latency_us: -3
                    source: https://example.com
                """;
        assertThatThrownBy(() -> HardwareCatalog.read(new StringReader(yaml), "my.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'odd'").hasMessageContaining("allreduce_latency_us must be > 0");
    }

    @Test
    void aBadFieldIsReportedWithFileLineIdAndField() {
        String yaml = """
                hardware:
                  - id: ok
                    name: fine
                    kind: gpu
                    memory_gb: 8
                    bandwidth_gbs: 100
                    source: https://example.com
                  - id: broken
                    name: bad
                    kind: gpu
                    memory_gb: -1
                    bandwidth_gbs: 100
                    source: https://example.com
                """;
        assertThatThrownBy(() -> HardwareCatalog.read(new StringReader(yaml), "my.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("my.yaml line 8").hasMessageContaining("'broken'").hasMessageContaining("memory_gb must be > 0");
    }

    @Test
    void anUnknownKindNamesTheAllowedOnes() {
        String yaml = """
                hardware:
                  - id: x
                    name: x
                    kind: tpu
                    memory_gb: 8
                    bandwidth_gbs: 100
                    source: https://example.com
                """;
        assertThatThrownBy(() -> HardwareCatalog.read(new StringReader(yaml), "my.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("field 'kind'").hasMessageContaining("gpu, apple");
    }
}
