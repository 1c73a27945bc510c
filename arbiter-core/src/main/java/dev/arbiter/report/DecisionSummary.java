package dev.arbiter.report;

import dev.arbiter.eval.engine.MetricUnit;
import dev.arbiter.recommend.Recommendation;

import java.util.List;

/**
 * What a reader should take away, shown first: the shortlist from {@code recommend} when the user gave hardware and a
 * use case, the models ranked by measured score per task, what the measurements confirmed or contradicted, and
 * what each model's licence means for production.
 *
 * @param shortlist  recommend's ranked shortlist (the report's runs taken as measured figures), or null when not asked
 * @param findings   one sentence per checked catalogue figure, contradictions first
 */
public record DecisionSummary(Shortlist shortlist, List<TaskRanking> rankings,
                              List<String> findings, List<LicenceNote> licences) {
    public DecisionSummary {
        rankings = List.copyOf(rankings);
        findings = List.copyOf(findings);
        licences = List.copyOf(licences);
    }

    /** @param forWhat the question it answers, e.g. "code on rtx-4090 × 1" */
    public record Shortlist(String forWhat, List<Recommendation> ranked) {
        public Shortlist {
            ranked = List.copyOf(ranked);
        }
    }

    /** The runs of one task ranked by its headline metric, best first. */
    public record TaskRanking(String task, String metric, List<Ranked> ranked) {
        public TaskRanking {
            ranked = List.copyOf(ranked);
        }
    }

    /**
     * @param rank 1 + the number of runs significantly better than this one (paired test when both ran the same
     *             samples, else 95% intervals that do not overlap), so runs the test cannot separate share a rank
     * @param tied another run has the same rank: shown as ≈
     * @param ci95     the metric's normal 95% interval (value ± 1.96·SE) as the run recorded it, null below two
     *                 samples: the same meaning as {@code ci95} everywhere in the report
     * @param wilson95 its Wilson 95% interval, recorded for proportions only (null otherwise); the views show it
     *                 where there is one, marked "Wilson"
     * @param unit     what the value is (proportion, count or score), as the task tables' metrics say
     */
    public record Ranked(int rank, boolean tied, String runId, String model, double value, List<Double> ci95,
                         List<Double> wilson95, MetricUnit unit) {}

    /**
     * @param licenseUse allowed, needs_agreement or research_only for a company deploying to production
     * @param notes      the catalogue's notes on the licence (user caps, regional clauses, attribution)
     */
    public record LicenceNote(String model, String license, String licenseUse, String url, List<String> notes) {
        public LicenceNote {
            notes = List.copyOf(notes);
        }
    }
}
