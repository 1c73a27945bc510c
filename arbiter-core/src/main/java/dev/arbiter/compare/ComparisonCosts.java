package dev.arbiter.compare;

import dev.arbiter.catalog.Model;
import dev.arbiter.cost.CostCalculator;
import dev.arbiter.cost.CostRequest;
import dev.arbiter.cost.HourlyRate;
import dev.arbiter.cost.ModelCost;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.fit.Quant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cost column of a comparison: each model at the quantisation cost would choose ({@link CostCalculator#chooseQuant}:
 * the most precise whose largest batch holds the concurrency priced, else the one with the largest batch).
 */
public final class ComparisonCosts {
    private ComparisonCosts() {}

    public static Map<String, CostCell> of(List<Model> models, CostCalculator calc, CostRequest req, HourlyRate rate) {
        Map<String, CostCell> out = new LinkedHashMap<>();
        String hw = req.hardware().id();
        String cur = req.currency().code();
        for (Model m : models) {
            Optional<CostCalculator.QuantChoice> choice = CostCalculator.chooseQuant(m, req);
            Optional<Quant> q = choice.map(CostCalculator.QuantChoice::quant);
            if (q.isEmpty()) {
                out.put(m.id(), new CostCell(hw, req.gpus(), null, null, cur, null, null,
                        "does not fit on " + req.gpus() + " × " + hw + " at any quantisation", null));
                continue;
            }
            try {
                ModelCost c = calc.cost(m, q.get(), CostCalculator.defaultRuntime(m, q.get(), req.hardware()), req, rate);
                out.put(m.id(), new CostCell(hw, req.gpus(), c.quant(), c.perMillionOutputAllIn(), cur, c.throughputSource(),
                        c.measured() == null ? null : c.measured().runId(), c.perMillionOutputAllIn() == null ? c.reason() : null,
                        choice.get().why()));
            } catch (InvalidInputException e) {
                out.put(m.id(), new CostCell(hw, req.gpus(), q.get().wire(), null, cur, null, null, e.getMessage(), choice.get().why()));
            }
        }
        return out;
    }
}
