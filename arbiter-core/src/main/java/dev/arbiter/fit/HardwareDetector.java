package dev.arbiter.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code --hardware auto}: finds the local accelerator and its memory with the tools the platform has — nvidia-smi,
 * rocm-smi, Apple's sysctl, else /proc/meminfo for a CPU box — and maps it to a bundled profile when the name matches
 * without another variant's qualifier (Laptop, PCIe, NVL, …) and the memory agrees (so the bandwidth is known),
 * otherwise to a memory-only device with the memory detected (speed unknown). Commands and files are injected, so
 * tests give the outputs of machines they do not have.
 */
public final class HardwareDetector {
    /** Runs a command and returns its stdout, or empty when the tool is missing or fails. */
    @FunctionalInterface
    public interface CommandRunner {
        Optional<String> run(List<String> command);
    }

    /** Reads a file, or empty when it does not exist. */
    @FunctionalInterface
    public interface FileSource {
        Optional<String> read(Path file);
    }

    /** What was found: the device, how many of it, and a sentence for people saying how it was found. */
    public record Detected(Hardware hardware, int gpus, String summary) {}

    private static final double MIB_PER_GIB = 1024.0;
    /** Share of an Apple machine's RAM that Metal lets the GPU use by default (recommendedMaxWorkingSetSize ≈ 75%). */
    static final double APPLE_GPU_SHARE = 0.75;

    private final CommandRunner commands;
    private final FileSource files;
    private final HardwareCatalog catalog;

    public HardwareDetector(CommandRunner commands, FileSource files, HardwareCatalog catalog) {
        this.commands = commands;
        this.files = files;
        this.catalog = catalog;
    }

    public static HardwareDetector system() {
        return new HardwareDetector(HardwareDetector::runProcess, f -> {
            try {
                return Files.isRegularFile(f) ? Optional.of(Files.readString(f)) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }, HardwareCatalog.bundled());
    }

    public Optional<Detected> detect() {
        return nvidia().or(this::amd).or(this::apple).or(this::cpu);
    }

    /** {@code nvidia-smi --query-gpu=name,memory.total --format=csv,noheader,nounits}: one "name, MiB" line per GPU. */
    Optional<Detected> nvidia() {
        return commands.run(List.of("nvidia-smi", "--query-gpu=name,memory.total", "--format=csv,noheader,nounits"))
                .flatMap(out -> {
                    List<String[]> gpus = new ArrayList<>();
                    for (String line : out.strip().split("\\R")) {
                        String[] f = line.split(",");
                        if (f.length >= 2 && f[1].strip().matches("\\d+(\\.\\d+)?")) gpus.add(new String[] {f[0].strip(), f[1].strip()});
                    }
                    if (gpus.isEmpty()) return Optional.empty();
                    String name = gpus.get(0)[0];
                    double gib = Double.parseDouble(gpus.get(0)[1]) / MIB_PER_GIB;
                    return Optional.of(gpu(name, gib, gpus.size(), "nvidia-smi"));
                });
    }

    /** {@code rocm-smi --showproductname --showmeminfo vram --csv}: per card, its product name and VRAM in bytes. */
    Optional<Detected> amd() {
        return commands.run(List.of("rocm-smi", "--showproductname", "--showmeminfo", "vram", "--csv")).flatMap(out -> {
            String[] lines = out.strip().split("\\R");
            if (lines.length < 2) return Optional.empty();
            List<String> header = List.of(lines[0].split(","));
            int total = indexOf(header, "vram total memory");
            int series = indexOf(header, "card series");
            if (total < 0) return Optional.empty();
            int cards = 0;
            double gib = 0;
            String name = "AMD GPU";
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",");
                if (f.length <= total || !f[total].strip().matches("\\d+")) continue;
                if (cards++ == 0) {
                    gib = Long.parseLong(f[total].strip()) / (double) (1L << 30);
                    if (series >= 0 && series < f.length) name = f[series].strip();
                }
            }
            return cards == 0 ? Optional.empty() : Optional.of(gpu(name, gib, cards, "rocm-smi"));
        });
    }

    /** Apple silicon: {@code sysctl -n machdep.cpu.brand_string} and {@code sysctl -n hw.memsize} (bytes). */
    Optional<Detected> apple() {
        Optional<String> brand = commands.run(List.of("sysctl", "-n", "machdep.cpu.brand_string")).map(String::strip);
        if (brand.isEmpty() || !brand.get().startsWith("Apple")) return Optional.empty();
        return commands.run(List.of("sysctl", "-n", "hw.memsize")).map(String::strip).filter(s -> s.matches("\\d+")).map(s -> {
            double ramGib = Long.parseLong(s) / (double) (1L << 30);
            String chip = brand.get().toLowerCase(Locale.ROOT).replace("apple ", "").replace(' ', '-');
            Optional<Hardware> profile = catalog.all().stream().filter(h -> h.kind() == HardwareKind.APPLE)
                    .filter(h -> h.id().startsWith(chip + "-") && h.id().endsWith("-" + Math.round(ramGib) + "gb")).findFirst();
            if (profile.isPresent()) {
                return new Detected(profile.get(), 1, String.format(Locale.US, "detected %s with %.0f GiB (sysctl) → profile %s",
                        brand.get(), ramGib, profile.get().id()));
            }
            double usable = ramGib * APPLE_GPU_SHARE;
            return new Detected(Hardware.memoryOnly(usable, HardwareKind.APPLE, brand.get()), 1, String.format(Locale.US,
                    "detected %s with %.0f GiB (sysctl); no bundled profile matches, so %.1f GiB (Metal's default 75%%) "
                            + "and an unknown speed (add --bandwidth-gbs with --memory-gib for one)", brand.get(), ramGib, usable));
        });
    }

    /** No accelerator found: the CPU with the memory available now ({@code MemAvailable} in /proc/meminfo, kB). */
    Optional<Detected> cpu() {
        return files.read(Path.of("/proc/meminfo")).flatMap(text -> text.lines()
                .filter(l -> l.startsWith("MemAvailable:")).findFirst()
                .map(l -> l.replaceAll("[^0-9]", ""))
                .filter(s -> !s.isEmpty())
                .map(kb -> {
                    double gib = Long.parseLong(kb) / (1024.0 * 1024);
                    return new Detected(Hardware.memoryOnly(gib, HardwareKind.CPU, "CPU"), 1, String.format(Locale.US,
                            "no GPU found (nvidia-smi, rocm-smi); CPU with %.1f GiB available (/proc/meminfo), speed unknown", gib));
                }));
    }

    private Detected gpu(String name, double gib, int count, String tool) {
        Optional<Hardware> profile = match(name, gib);
        String found = String.format(Locale.US, "detected %d × %s with %.1f GiB each (%s)", count, name, gib, tool);
        if (profile.isPresent()) {
            return new Detected(profile.get(), count, found + " → profile " + profile.get().id());
        }
        String near = namedLike(name).map(h -> "; not the " + h.id() + " profile (" + h.name() + ", "
                + String.format(Locale.US, "%.2f GiB", h.memoryGb()) + "): " + String.join(" and ", mismatches(h, name, gib))).orElse("; no bundled profile matches");
        return new Detected(Hardware.memoryOnly(gib, HardwareKind.GPU, name), count,
                found + near + ", so the memory as detected and the speed unknown (--memory-gib with --bandwidth-gbs gives one)");
    }

    /**
     * Words that make another product of the same chip, with other memory, bandwidth or power: a 4090 Laptop GPU is
     * 16 GB at 576 GB/s, not the desktop card's 24 GB at 1,008; an H100 PCIe is 2,000 GB/s, not the SXM part's 3,350
     * (NVIDIA's H100 datasheet); a 3090 Ti is 1,008 GB/s, not 936. A detected name carrying one (as a word) matches
     * only a profile that carries it too.
     */
    static final List<String> VARIANTS = List.of("laptop", "mobile", "max-q", "pcie", "nvl", "sxm", "ti", "super");

    /**
     * How far the memory nvidia-smi (or rocm-smi) reports may be from the profile's, which is the smaller total CUDA
     * reports: 1–1.5 % apart for the same card (RTX 4090: 24,564 MiB = 23.99 GiB vs 23.65; H100: 81,559 MiB = 79.65 GiB
     * vs 79.10), a third or more for another product.
     */
    static final double MEMORY_TOLERANCE = 0.04;

    /**
     * The GPU profile this device is: its id's tokens all appear in the name ("rtx-4090"; a size token such as "80gb"
     * is read as memory), the name carries no variant word the profile lacks ({@link #VARIANTS}), and the detected
     * memory is within {@link #MEMORY_TOLERANCE} of the profile's.
     */
    Optional<Hardware> match(String name, double gib) {
        return gpuProfiles().filter(h -> namesMatch(h, name) && mismatches(h, name, gib).isEmpty()).findFirst();
    }

    /** A profile whose id tokens appear in the name, whatever its variant and memory (to say why it was not taken). */
    private Optional<Hardware> namedLike(String name) {
        return gpuProfiles().filter(h -> namesMatch(h, name)).findFirst();
    }

    private Stream<Hardware> gpuProfiles() {
        return catalog.all().stream().filter(h -> h.kind() == HardwareKind.GPU);
    }

    private static boolean namesMatch(Hardware h, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String t : h.id().split("-")) {
            if (!t.matches("\\d+gb") && !n.contains(t)) return false;
        }
        return true;
    }

    /** Why a profile whose id matches the name is not this device: a variant word, the memory; empty when it is. */
    private static List<String> mismatches(Hardware h, String name, double gib) {
        String n = name.toLowerCase(Locale.ROOT).replace("max q", "max-q");
        String p = (h.name() + " " + h.id()).toLowerCase(Locale.ROOT);
        List<String> why = new ArrayList<>();
        for (String v : VARIANTS) {
            Pattern word = Pattern.compile("(?<![a-z])" + Pattern.quote(v) + "(?![a-z])");
            if (word.matcher(n).find() && !word.matcher(p).find()) why.add("a " + v + " part");
        }
        if (Math.abs(gib - h.memoryGb()) > MEMORY_TOLERANCE * h.memoryGb()) {
            why.add(String.format(Locale.US, "%.1f GiB, not %.2f", gib, h.memoryGb()));
        }
        return why;
    }

    private static int indexOf(List<String> header, String prefix) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).strip().startsWith(prefix)) return i;
        }
        return -1;
    }

    private static Optional<String> runProcess(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();  // the tool is not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
