package dev.arbiter.cli;

import dev.arbiter.fit.Hardware;
import dev.arbiter.fit.HardwareCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "hardware", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "List the hardware profiles `fit` knows: usable memory, bandwidth, BF16 TFLOPS, source.",
        footer = {"", "Examples:",
                "  ./arbiter hardware",
                "  ./arbiter hardware --format json"})
final class HardwareCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Hardware> all = HardwareCatalog.bundled().all();
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.isJson()) {
            JsonOut.print(out, "hardware", Map.of("hardware", all));
            return ExitCode.OK;
        }
        out.printf(Locale.US, "%-22s %-6s %10s %10s %10s  %s%n", "ID", "KIND", "MEM GiB", "GB/s", "BF16 TF", "NAME");
        for (Hardware h : all) {
            out.printf(Locale.US, "%-22s %-6s %10.2f %10.1f %10s  %s%n", h.id(), h.kind().wire(), h.memoryGb(),
                    h.bandwidthGbs(), Text.num(h.bf16Tflops(), 1), h.name());
        }
        out.println();
        out.println("Memory is what one device offers a model: the total CUDA reports for GPUs, not the marketing size (Apple: Metal's ~75% working-set limit). Sources: --format json.");
        return ExitCode.OK;
    }
}
