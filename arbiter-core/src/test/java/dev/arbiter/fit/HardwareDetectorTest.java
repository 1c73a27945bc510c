package dev.arbiter.fit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** --hardware auto on machines the tests do not have: canned outputs of nvidia-smi, rocm-smi, sysctl and /proc/meminfo. */
class HardwareDetectorTest {
    static HardwareDetector with(Map<String, String> outputs, String meminfo) {
        return new HardwareDetector(cmd -> Optional.ofNullable(outputs.get(String.join(" ", cmd))),
                f -> Optional.ofNullable(meminfo), HardwareCatalog.bundled());
    }

    static final String NVIDIA = "nvidia-smi --query-gpu=name,memory.total --format=csv,noheader,nounits";

    @Test
    void twoRtx4090sAreMatchedToTheirProfileAndCounted() {
        var d = with(Map.of(NVIDIA, "NVIDIA GeForce RTX 4090, 24564\nNVIDIA GeForce RTX 4090, 24564\n"), null).detect().orElseThrow();
        assertThat(d.hardware().id()).isEqualTo("rtx-4090");
        assertThat(d.gpus()).isEqualTo(2);
        assertThat(d.summary()).contains("2 × NVIDIA GeForce RTX 4090").contains("nvidia-smi").contains("profile rtx-4090");
    }

    @Test
    void anA100IsTellsItsSizeByItsMemory() {
        var forty = with(Map.of(NVIDIA, "NVIDIA A100-SXM4-40GB, 40960"), null).detect().orElseThrow();
        var eighty = with(Map.of(NVIDIA, "NVIDIA A100-SXM4-80GB, 81920"), null).detect().orElseThrow();
        assertThat(forty.hardware().id()).isEqualTo("a100-40gb");
        assertThat(eighty.hardware().id()).isEqualTo("a100-80gb");
    }

    @Test
    void anUnknownGpuBecomesAMemoryOnlyDeviceWithAnUnknownSpeed() {
        var d = with(Map.of(NVIDIA, "NVIDIA RTX 2000 Ada Generation, 16380"), null).detect().orElseThrow();
        assertThat(d.hardware().speedKnown()).isFalse();
        assertThat(d.hardware().memoryGb()).isCloseTo(16.0, within(0.01));
        assertThat(d.summary()).contains("no bundled profile matches");
    }

    @Test
    void amdCardsAreReadFromRocmSmi() {
        String csv = "device,Card series,VRAM Total Memory (B),VRAM Total Used Memory (B)\n"
                + "card0,AMD Instinct MI300X,206141652992,1\ncard1,AMD Instinct MI300X,206141652992,1\n";
        var d = with(Map.of("rocm-smi --showproductname --showmeminfo vram --csv", csv), null).detect().orElseThrow();
        assertThat(d.hardware().id()).isEqualTo("mi300x");
        assertThat(d.gpus()).isEqualTo(2);
    }

    @Test
    void anAppleChipIsMatchedByChipAndMemory() {
        var d = with(Map.of("sysctl -n machdep.cpu.brand_string", "Apple M4 Max\n", "sysctl -n hw.memsize", "137438953472\n"), null)
                .detect().orElseThrow();
        assertThat(d.hardware().id()).isEqualTo("m4-max-128gb");
        var other = with(Map.of("sysctl -n machdep.cpu.brand_string", "Apple M1 Pro", "sysctl -n hw.memsize", "17179869184"), null)
                .detect().orElseThrow();
        assertThat(other.hardware().kind()).isEqualTo(HardwareKind.APPLE);
        assertThat(other.hardware().memoryGb()).isCloseTo(12.0, within(0.01));  // 75% of 16 GiB
    }

    @Test
    void withoutAGpuItFallsBackToTheCpuAndTheMemoryAvailable() {
        var d = with(Map.of(), "MemTotal:       32768000 kB\nMemAvailable:   20971520 kB\n").detect().orElseThrow();
        assertThat(d.hardware().kind()).isEqualTo(HardwareKind.CPU);
        assertThat(d.hardware().memoryGb()).isCloseTo(20.0, within(0.01));
        assertThat(d.summary()).contains("no GPU found").contains("/proc/meminfo");
        assertThat(with(Map.of(), null).detect()).isEmpty();
        assertThat(List.of(d.gpus())).containsExactly(1);
    }

    @Test
    void aLaptopGpuIsNotTheDesktopCardOfTheSameNumber() {
        // An RTX 4090 Laptop GPU has 16 GB at 576 GB/s; the rtx-4090 profile is the 24 GB, 1,008 GB/s desktop card.
        var d = with(Map.of(NVIDIA, "NVIDIA GeForce RTX 4090 Laptop GPU, 16376"), null).detect().orElseThrow();
        assertThat(d.hardware().id()).isEqualTo("custom");
        assertThat(d.hardware().memoryGb()).isCloseTo(16376 / 1024.0, within(1e-9));
        assertThat(d.hardware().speedKnown()).isFalse();
        assertThat(d.summary()).contains("not the rtx-4090 profile").contains("a laptop part").contains("16.0 GiB, not 23.65")
                .contains("speed unknown");
    }

    @Test
    void anH100PcieIsNotTheSxmProfile() {
        // H100 PCIe: 2,000 GB/s (NVIDIA's H100 datasheet), not the SXM part's 3,350; same 80 GB.
        var d = with(Map.of(NVIDIA, "NVIDIA H100 PCIe, 81559"), null).detect().orElseThrow();
        assertThat(d.hardware().speedKnown()).isFalse();
        assertThat(d.summary()).contains("not the h100-80gb profile").contains("a pcie part");
        // the SXM part, as nvidia-smi names it, still is
        var sxm = with(Map.of(NVIDIA, "NVIDIA H100 80GB HBM3, 81559"), null).detect().orElseThrow();
        assertThat(sxm.hardware().id()).isEqualTo("h100-80gb");
    }

    @Test
    void theDetectedMemoryMustAgreeWithTheProfilesForEveryProfileNotOnlySizedIds() {
        // A name that matches but memory a third off is another product (or a partitioned device): memory as detected.
        var d = with(Map.of(NVIDIA, "NVIDIA GeForce RTX 3090, 12288"), null).detect().orElseThrow();
        assertThat(d.hardware().speedKnown()).isFalse();
        assertThat(d.hardware().memoryGb()).isCloseTo(12.0, within(1e-9));
        assertThat(with(Map.of(NVIDIA, "NVIDIA GeForce RTX 3090 Ti, 24564"), null).detect().orElseThrow().hardware().speedKnown()).isFalse();
        assertThat(with(Map.of(NVIDIA, "NVIDIA GeForce RTX 3090, 24576"), null).detect().orElseThrow().hardware().id()).isEqualTo("rtx-3090");
    }
}
