package dev.arbiter.cli;

import dev.arbiter.cost.BatchPoint;
import dev.arbiter.cost.CostRequest;
import dev.arbiter.cost.Currency;
import dev.arbiter.cost.HourlyRate;
import dev.arbiter.cost.ModelCost;
import dev.arbiter.fit.Hardware;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** cost as text: the price and its age, one line per model, its batch table, volume and target, then the basis. */
final class CostText {
    private CostText() {}

    static void print(PrintWriter out, Hardware hw, int gpus, HourlyRate rate, CostRequest req, List<ModelCost> costs) {
        Currency cur = req.currency();
        out.printf(Locale.US, "Cost on %d × %s, %s at %s %s per GPU-hour%s%n", gpus, hw.id(), rate.ownership().wire(),
                money(cur.fromUsd(rate.usdPerGpuHour())), cur.code(),
                rate.read() == null ? " (as given)" : String.format(Locale.US, " (price read %s, %d days ago)", rate.read(), rate.ageDays()));
        out.printf(Locale.US, "Workload: %,d prompt + %,d output tokens per request, %d in flight%n",
                req.workload().inputTokens(), req.workload().outputTokens(), req.concurrency());
        out.printf(Locale.US, "%-20s %-7s %-9s %-11s %-10s %-11s %-11s %-13s %-10s %s%n", "model", "quant", "runtime", "out tok/s", "source",
                "1M in", "1M out", "1M out all-in", "per hour", "per month (" + cur.code() + ")");
        for (ModelCost c : costs) {
            if (c.outputTokensPerS() == null) {
                out.printf(Locale.US, "%-20s %-7s %-9s %s%n", c.model(), c.quant() == null ? "-" : c.quant(), c.runtime() == null ? "-" : c.runtime(),
                        "no cost: " + c.reason());
                continue;
            }
            out.printf(Locale.US, "%-20s %-7s %-9s %-11s %-10s %-11s %-11s %-13s %-10s %s%n", c.model(), c.quant(), c.runtime(),
                    String.format(Locale.US, "%,.1f", c.outputTokensPerS()), c.throughputSource(),
                    c.perMillionInput() == null ? (c.measured() != null ? "in 1M out" : "-") : money(c.perMillionInput()),
                    money(c.perMillionOutput()), money(c.perMillionOutputAllIn()), money(c.deploymentPerHour()), money(c.perMonth()));
            if (c.quantChoice() != null) out.printf(Locale.US, "     quant %s%n", c.quantChoice());
            if (c.measured() != null) {
                out.printf(Locale.US, "     measured: bench run %s (%s) at concurrency %d on %s%n", c.measured().runId(), c.measured().measuredAt(),
                        c.measured().concurrency(), c.measured().workload());
            }
            if (c.throughput() != null) {
                StringBuilder s = new StringBuilder("     batch → tokens/s:");
                for (BatchPoint p : c.throughput().points()) {
                    s.append(String.format(Locale.US, "  %d → %,.0f%s", p.batch(), p.tokensPerS(), p.bound().equals("compute") ? " (compute-bound)" : ""));
                }
                s.append(String.format(Locale.US, "   (largest batch %d: %s)", c.throughput().maxBatch(),
                        c.throughput().maxBatchLimit().equals("engine") ? "engine's max_num_seqs" : "KV cache full"));
                out.println(s);
            }
            if (c.volume() != null) {
                out.printf(Locale.US, "     %,d output tokens a month: %d deployment%s (%d GPUs) always on = %s %s; the tokens alone at the all-in rate %s %s%n",
                        c.volume().outputTokensPerMonth(), c.volume().deployments(), c.volume().deployments() == 1 ? "" : "s", c.volume().gpus(),
                        money(c.volume().alwaysOn()), cur.code(), money(c.volume().packed()), cur.code());
            }
            if (c.target() != null) {
                out.printf(Locale.US, "     %s output tokens/s: %d deployment%s = %d × %s, %s %s a month%n", money(c.target().outputTokensPerS()),
                        c.target().deployments(), c.target().deployments() == 1 ? "" : "s", c.target().gpus(), hw.id(), money(c.target().perMonth()), cur.code());
            }
        }
        out.println("basis:");
        out.println("  - price: " + rate.basis());
        for (ModelCost c : costs) {
            for (String b : c.basis()) {
                if (!b.startsWith("price: ")) out.println("  - " + c.model() + ": " + b);
            }
        }
        out.flush();
    }

    static String money(double v) {
        if (Math.abs(v) >= 100) return String.format(Locale.US, "%,.0f", v);
        if (Math.abs(v) >= 1) return String.format(Locale.US, "%.2f", v);
        return String.format(Locale.US, "%.3g", v);
    }
}
