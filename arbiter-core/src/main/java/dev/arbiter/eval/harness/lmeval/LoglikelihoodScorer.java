package dev.arbiter.eval.harness.lmeval;

import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.TokenLogprob;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.solver.LoglikelihoodSolver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * lm-eval's {@code multiple_choice} metrics from the options' log-likelihoods ({@link LoglikelihoodSolver}'s outputs):
 * {@code acc} — the option with the highest log-likelihood is the target; {@code acc_norm} — the same after dividing
 * each by its label's length in characters (lm-eval's {@code completion_len}, the choice without the delimiter; for
 * MMLU's single letters it equals acc). Ties go to the earlier option, as {@code numpy.argmax}. The score's value is
 * acc; metadata holds {@code acc_norm}, {@code loglikelihoods} (label → sum of natural-log token probabilities),
 * {@code boundary_aligned} and {@code subject}.
 */
public final class LoglikelihoodScorer implements Scorer {
    @Override
    public String name() { return "lm_eval_loglikelihood"; }

    @Override
    public Score score(TaskState state) {
        List<String> labels = LoglikelihoodSolver.labels(state.sample().choices().size());
        List<GenerateResponse> outs = state.outputs();
        Map<String, Object> meta = new LinkedHashMap<>();
        Object subject = state.sample().metadata().get("subject");
        if (subject != null) meta.put("subject", subject);
        if (outs.size() < labels.size()) return Score.unscored(null, "only " + outs.size() + " of " + labels.size() + " options were scored");
        Map<String, Double> lls = new LinkedHashMap<>();
        boolean aligned = true;
        int best = 0;
        int bestNorm = 0;
        double[] norm = new double[labels.size()];
        double[] ll = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            GenerateResponse r = outs.get(i);
            double sum = 0;
            for (TokenLogprob t : r.logprobs()) sum += t.logprob();
            if (r.logprobs().isEmpty() || Double.isNaN(sum)) {
                return Score.unscored(null, "option " + labels.get(i) + " has no log-likelihood");
            }
            if (r.reasoning() != null) aligned = false;
            ll[i] = sum;
            norm[i] = sum / labels.get(i).length();
            lls.put(labels.get(i), sum);
            if (ll[i] > ll[best]) best = i;
            if (norm[i] > norm[bestNorm]) bestNorm = i;
        }
        String target = state.sample().firstTarget();
        meta.put("loglikelihoods", lls);
        meta.put("acc_norm", labels.get(bestNorm).equals(target) ? 1.0 : 0.0);
        meta.put("boundary_aligned", aligned);
        boolean ok = labels.get(best).equals(target);
        return new Score(ok ? 1.0 : 0.0, labels.get(best), "argmax " + labels.get(best) + ", target " + target, meta);
    }
}
