package dev.arbiter.recommend;

import dev.arbiter.catalog.Model;
import dev.arbiter.cost.CostCalculator;
import dev.arbiter.cost.CostRequest;
import dev.arbiter.cost.HourlyRate;
import dev.arbiter.cost.ModelCost;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.fit.Quant;
import dev.arbiter.fit.Runtime;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cost probe over dev.arbiter.cost: each fitting option (model, quantisation, runtime) priced on the request's
 * hardware at its workload and concurrency, measured throughput first. Results are cached per option.
 */
public final class CalculatedCost implements CostProbe {
    private final CostCalculator calculator;
    private final CostRequest request;
    private final HourlyRate rate;
    private final Map<String, Optional<CostFigure>> cache = new ConcurrentHashMap<>();

    public CalculatedCost(CostCalculator calculator, CostRequest request, HourlyRate rate) {
        this.calculator = calculator;
        this.request = request;
        this.rate = rate;
    }

    @Override
    public Optional<CostFigure> cost(Model model, FitOutcome fit) {
        if (!fit.fits() || fit.quant() == null) return Optional.empty();
        return cache.computeIfAbsent(model.id() + "|" + fit.quant() + "|" + fit.runtime(), k -> compute(model, fit));
    }

    private Optional<CostFigure> compute(Model model, FitOutcome fit) {
        try {
            Quant q = Quant.parse(fit.quant());
            Runtime rt = fit.runtime() != null ? Runtime.parse(fit.runtime()) : CostCalculator.defaultRuntime(model, q, request.hardware());
            ModelCost c = calculator.cost(model, q, rt, request, rate);
            if (c.perMillionOutputAllIn() == null) return Optional.empty();
            double month = c.volume() != null ? c.volume().alwaysOn() : c.perMonth();
            long deployments = c.volume() != null ? c.volume().deployments() : 1;
            return Optional.of(new CostFigure(c.perMillionOutputAllIn(), request.currency().toUsd(c.perMillionOutputAllIn()), month, deployments,
                    c.throughputSource(), c.measured() == null ? null : c.measured().runId(), request.currency().code()));
        } catch (InvalidInputException e) {
            return Optional.empty();  // a combination the cost model cannot price
        }
    }

    @Override
    public List<String> method() {
        return List.of(String.format(Locale.US, "Cost per 1M output tokens = the deployment's hour (%d GPU%s, %s) over its output tokens at concurrency %d, "
                        + "%,d prompt + %,d output tokens per request, prefill included; a bench run at that concurrency and of those lengths (within 25%%) replaces the estimate (./arbiter cost shows the basis).",
                request.gpus(), request.gpus() == 1 ? "" : "s", rate.basis(), request.concurrency(), request.workload().inputTokens(),
                request.workload().outputTokens()));
    }
}
