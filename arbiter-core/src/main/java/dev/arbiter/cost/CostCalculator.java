package dev.arbiter.cost;

import dev.arbiter.catalog.Model;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.fit.FitRequest;
import dev.arbiter.fit.Hardware;
import dev.arbiter.fit.HardwareKind;
import dev.arbiter.fit.KvType;
import dev.arbiter.fit.Quant;
import dev.arbiter.fit.Runtime;
import dev.arbiter.util.LazyList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Cost per token and per month of serving a model on a deployment:
 * <pre>
 *   deployment per hour      = price per GPU-hour × GPUs
 *   per 1M output tokens     = per hour × (step(C) / C) / 3.6        decode time one output token takes at batch C, ms
 *   per 1M input tokens      = per hour × prefill ms per token / 3.6
 *   all-in per 1M output     = per hour / (output tokens/s × 3,600) × 10^6   (prefill of the workload's prompts included)
 *   per month                = per hour × 730 h, always on
 *   volume T a month         → ceil(T / (output tokens/s × 3,600 × 730)) deployments, always on
 *   target X tokens/s        → ceil(X / output tokens/s) deployments
 * </pre>
 * A bench run that measured the model on this hardware at the chosen concurrency, on requests like the workload's
 * ({@link MeasuredThroughput#matches}), replaces the estimated throughput;
 * its output tokens/s already pays for its prompts, so the whole hour is charged to output tokens.
 */
public final class CostCalculator {
    /** Checkpoint precisions a server loads, highest first; the default is the first whose largest batch holds the concurrency ({@link #chooseQuant}). */
    static final List<Quant> SERVER_QUANTS = List.of(Quant.BF16, Quant.FP8, Quant.INT8, Quant.INT4);
    /** GGUF mixes for llama.cpp, highest first. */
    static final List<Quant> GGUF_QUANTS = List.of(Quant.Q8_0, Quant.Q6_K, Quant.Q5_K_M, Quant.Q4_K_M, Quant.Q3_K_M, Quant.Q2_K);

    private final ThroughputSource measured;

    public CostCalculator(ThroughputSource measured) {
        this.measured = measured;
    }

    /** The serving engine for a quantisation on this hardware: a tensor-parallel server on GPUs (SGLang for MLA), llama.cpp for GGUF and elsewhere. */
    public static Runtime defaultRuntime(Model m, Quant q, Hardware hw) {
        if (q.format() == dev.arbiter.fit.QuantFormat.GGUF || hw.kind() != HardwareKind.GPU) return Runtime.LLAMA_CPP;
        return m.architecture().mla() != null ? Runtime.SGLANG : Runtime.VLLM;
    }

    /**
     * The quantisation priced when none is given, its largest batch and why it was taken.
     *
     * @param quant    the quantisation
     * @param maxBatch its largest batch at the workload's final length (sequences the KV cache holds, engine-capped)
     * @param why      a sentence for the output: the rule, and the more precise quantisations passed over
     */
    public record QuantChoice(Quant quant, int maxBatch, String why) {}

    /**
     * The most precise quantisation whose largest batch reaches the concurrency priced (servers on GPUs, GGUF
     * elsewhere): the cost is of {@code concurrency} requests in flight, and a quantisation that fits with room for one
     * would be priced at one (Qwen2.5-72B FP8 on one H100 at 1.1K tokens: largest batch 1, 33 tok/s, 33.61 USD per 1M
     * output tokens, where INT4 serves the 32 at 2.62). When none reaches it, the one whose largest batch is largest
     * (the more precise of equals). Empty when none fits.
     */
    public static Optional<QuantChoice> chooseQuant(Model m, CostRequest req) {
        List<Quant> order = req.hardware().kind() == HardwareKind.GPU ? SERVER_QUANTS : GGUF_QUANTS;
        int wanted = req.concurrency();
        List<String> passed = new ArrayList<>();
        QuantChoice roomiest = null;
        for (Quant q : order) {
            BatchedThroughput b;
            try {
                b = BatchedThroughput.of(request(m, q, defaultRuntime(m, q, req.hardware()), req), req.workload()).model();
            } catch (InvalidInputException e) {
                continue;  // a combination the runtime cannot serve: try the next
            }
            if (b == null) continue;
            if (b.maxBatch() >= wanted) {
                String why = String.format(Locale.US, "%s: the most precise quantisation whose largest batch (%d) holds the %d requests priced%s",
                        q.wire(), b.maxBatch(), wanted, passed.isEmpty() ? "" : " (" + String.join("; ", passed) + ")");
                return Optional.of(new QuantChoice(q, b.maxBatch(), why));
            }
            passed.add(String.format(Locale.US, "%s fits but holds %d", q.wire(), b.maxBatch()));
            if (roomiest == null || b.maxBatch() > roomiest.maxBatch()) roomiest = new QuantChoice(q, b.maxBatch(), null);
        }
        if (roomiest == null) return Optional.empty();
        return Optional.of(new QuantChoice(roomiest.quant(), roomiest.maxBatch(), String.format(Locale.US,
                "%s: no quantisation holds the %d requests priced (%s); %s holds the most, so %d are priced in flight and the rest queue",
                roomiest.quant().wire(), wanted, String.join("; ", passed), roomiest.quant().wire(), roomiest.maxBatch())));
    }

    /** {@link #chooseQuant}'s quantisation. */
    public static Optional<Quant> defaultQuant(Model m, CostRequest req) {
        return chooseQuant(m, req).map(QuantChoice::quant);
    }

    public ModelCost cost(Model m, Quant q, Runtime rt, CostRequest req, HourlyRate rate) {
        Currency cur = req.currency();
        FitRequest fr = request(m, q, rt, req);
        BatchedThroughput.Result res = BatchedThroughput.of(fr, req.workload());
        ThroughputEstimate est = res.get().map(b -> b.estimate(req.concurrency())).orElse(null);
        List<MeasuredThroughput> runs = measured.find(m.id(), q.wire(), req.hardware().id(), req.gpus(), req.concurrency());
        Optional<MeasuredThroughput> meas = runs.stream().filter(r -> r.matches(req.workload())).findFirst();
        // the newest run at this concurrency when none ran this workload: said in the basis, never priced
        MeasuredThroughput unlike = meas.isEmpty() && !runs.isEmpty() ? runs.get(0) : null;
        if (est == null && meas.isEmpty()) {
            String reason = unlike == null ? res.reason() : res.reason() + "; " + unlikeRun(unlike, req);
            return new ModelCost(m.id(), q.wire(), rt.wire(), false, reason, null, null, null, null, null, null, null,
                    null, null, null, null, LazyList.of(() -> List.of("price: " + rate.basis())));
        }
        double hourlyUsd = rate.usdPerGpuHour() * req.gpus();
        double tps;
        Double inUsd;
        double outUsd;
        String source;
        if (meas.isPresent()) {
            tps = meas.get().outputTokensPerS();
            outUsd = hourlyUsd / (tps * 3600) * 1e6;
            inUsd = null;
            source = "measured";
        } else {
            tps = est.outputTokensPerS();
            outUsd = hourlyUsd * est.decodeMsPerOutputToken() / 3.6;
            inUsd = est.prefillMsPerToken() == null ? null : hourlyUsd * est.prefillMsPerToken() / 3.6;
            source = "estimated";
        }
        double allInUsd = hourlyUsd / (tps * 3600) * 1e6;
        double monthUsd = hourlyUsd * Pricing.HOURS_PER_MONTH;
        ModelCost.Volume volume = null;
        if (req.tokensPerMonth() != null) {
            long deployments = volumeDeployments(req, tps);
            volume = new ModelCost.Volume(req.tokensPerMonth(), deployments, deployments * req.gpus(), cur.fromUsd(deployments * monthUsd),
                    cur.fromUsd(req.tokensPerMonth() / 1e6 * allInUsd));
        }
        ModelCost.Target target = null;
        if (req.targetTokensPerS() != null) {
            long deployments = Math.max(1, (long) Math.ceil(req.targetTokensPerS() / tps));
            target = new ModelCost.Target(req.targetTokensPerS(), deployments, deployments * req.gpus(), cur.fromUsd(deployments * monthUsd));
        }
        // Formatted only when read: recommend prices every fitting quantisation of every model and shows a few.
        Figures f = new Figures(m, q, rt, req, rate, est, meas.orElse(null), unlike, tps, hourlyUsd, inUsd, outUsd, allInUsd, monthUsd);
        return new ModelCost(m.id(), q.wire(), rt.wire(), est != null, est == null ? res.reason() : null, est, source, meas.orElse(null), tps,
                inUsd == null ? null : cur.fromUsd(inUsd), cur.fromUsd(outUsd), cur.fromUsd(allInUsd), cur.fromUsd(hourlyUsd),
                cur.fromUsd(monthUsd), volume, target, LazyList.of(f::basis));
    }

    private static long volumeDeployments(CostRequest req, double tps) {
        double capacity = tps * 3600 * Pricing.HOURS_PER_MONTH;
        return Math.max(1, (long) Math.ceil(req.tokensPerMonth() / capacity));
    }

    /** Why a bench run at the right concurrency did not price this workload. */
    static String unlikeRun(MeasuredThroughput r, CostRequest req) {
        return String.format(Locale.US, "bench run %s at concurrency %d measured %s, not this workload's %,d + %,d (within %.0f%%): "
                        + "its throughput is not used (./arbiter bench --input-tokens %d --output-tokens %d measures this one)",
                r.runId(), r.concurrency(), r.workload(), req.workload().inputTokens(), req.workload().outputTokens(),
                (MeasuredThroughput.LENGTH_TOLERANCE - 1) * 100, req.workload().inputTokens(), req.workload().outputTokens());
    }

    /** The figures of one cost, kept to write its basis when someone reads it. */
    private record Figures(Model m, Quant q, Runtime rt, CostRequest req, HourlyRate rate, ThroughputEstimate est,
                           MeasuredThroughput mt, MeasuredThroughput unlike, double tps, double hourlyUsd, Double inUsd, double outUsd, double allInUsd,
                           double monthUsd) {
        List<String> basis() {
            Currency cur = req.currency();
            List<String> basis = new ArrayList<>();
            basis.add("price: " + rate.basis());
            if (mt != null) {
                basis.add(String.format(Locale.US, "throughput: measured by bench run %s (%s) at concurrency %d on %s: %s output tokens/s — replaces the estimate%s; "
                                + "its prompts were prefilled in that time, so the whole hour is charged to output tokens",
                        mt.runId(), mt.measuredAt(), mt.concurrency(), mt.workload(), Pricing.num(tps),
                        est == null ? "" : String.format(Locale.US, " of %s", Pricing.num(est.outputTokensPerS()))));
            } else {
                String estimated = String.format(Locale.US, "throughput: estimated, %s output tokens/s at concurrency %d on %d × %s (%s, %s); ",
                        Pricing.num(tps), est.concurrency(), req.gpus(), req.hardware().id(), q.wire(), rt.wire());
                basis.add(estimated + (unlike != null ? unlikeRun(unlike, req) : String.format(Locale.US, "no bench run of this "
                        + "model, quantisation and hardware at concurrency %d (./arbiter bench --concurrency %d --catalog-model %s --quant %s --hardware %s%s measures it)",
                        req.concurrency(), req.concurrency(), m.id(), q.wire(), req.hardware().id(), req.gpus() > 1 ? " --gpus " + req.gpus() : "")));
                basis.addAll(est.basis());
            }
            basis.add(String.format(Locale.US, "arithmetic: %s per GPU-hour × %d GPU%s = %s per hour; per 1M output tokens %s; all in: %s per hour / (%s tokens/s × 3,600 s) × 10^6 = %s; "
                            + "a month = 730 h always on = %s (%s)",
                    money(cur, rate.usdPerGpuHour()), req.gpus(), req.gpus() == 1 ? "" : "s", money(cur, hourlyUsd),
                    mt != null ? "= the all-in figure"
                            : String.format(Locale.US, "= per hour × step(%d)/%d = %.3f ms / 3.6 = %s; per 1M input tokens = per hour × %s / 3.6 = %s",
                            est.concurrency(), est.concurrency(), est.decodeMsPerOutputToken(), money(cur, outUsd),
                            est.prefillMsPerToken() == null ? "? ms" : String.format(Locale.US, "%.4f ms", est.prefillMsPerToken()),
                            inUsd == null ? "unknown" : money(cur, inUsd)),
                    money(cur, hourlyUsd), Pricing.num(tps), money(cur, allInUsd), money(cur, monthUsd), cur.code()));
            if (req.tokensPerMonth() != null) {
                double capacity = tps * 3600 * Pricing.HOURS_PER_MONTH;
                long deployments = volumeDeployments(req, tps);
                basis.add(String.format(Locale.US, "volume: %,d output tokens a month / (%s tokens/s × 3,600 × 730 = %,.0f per deployment) → %d deployment%s always on = %s; "
                                + "the tokens alone at the all-in rate: %s",
                        req.tokensPerMonth(), Pricing.num(tps), capacity, deployments, deployments == 1 ? "" : "s",
                        money(cur, deployments * monthUsd), money(cur, req.tokensPerMonth() / 1e6 * allInUsd)));
            }
            if (req.targetTokensPerS() != null) {
                long deployments = Math.max(1, (long) Math.ceil(req.targetTokensPerS() / tps));
                basis.add(String.format(Locale.US, "target: %s output tokens/s / %s per deployment → %d deployment%s = %d × %s, %s a month",
                        Pricing.num(req.targetTokensPerS()), Pricing.num(tps), deployments, deployments == 1 ? "" : "s", deployments * req.gpus(),
                        req.hardware().id(), money(cur, deployments * monthUsd)));
            }
            return basis;
        }
    }

    static FitRequest request(Model m, Quant q, Runtime rt, CostRequest req) {
        long ctx = Math.min(req.workload().finalContext(), m.contextLength());
        return FitRequest.of(m.id(), m.architecture(), m.contextLength(), q, ctx, KvType.F16, req.hardware(), req.gpus(), rt, null, false);
    }

    private static String money(Currency cur, double usd) {
        return Pricing.num(cur.fromUsd(usd)) + " " + cur.code();
    }
}
