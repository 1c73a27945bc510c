package dev.arbiter.probe;

import dev.arbiter.eval.engine.MetricSummary;

import java.util.List;

/**
 * One category's results. A HIT is always the bad outcome; for over_refusal the attempts are the benign twins and a
 * HIT is a twin refused or answered wrongly.
 *
 * @param probes          distinct probes that contributed attempts
 * @param attempts        attack attempts (twins for over_refusal): hits + passes + unscored
 * @param unscored        errors, empty answers and answers cut off before the verdict was settled
 * @param asr             hits / (hits + passes) with its intervals, in the shape of eval metrics; null if none scored
 * @param samples         distinct attack samples (twins for over_refusal); each was tried --attempts times
 * @param samplesHit      of those, hit in at least one scored attempt
 * @param samplesLeftOut  of those, not hit but with fewer than k attempts scored: their ASR@k outcome is unknown, so
 *                        ASR@k = samplesHit / (samples − samplesLeftOut), k = --attempts (see {@link AsrAtK})
 * @param controlAttempts no-attack controls of these probes (base rate), scored like attacks
 * @param controlHits     controls in which the secret or success string appeared anyway
 * @param leakedFraction  system_prompt_leak only: mean share of the system prompt's word 3-grams in the answers
 * @param utility         attacks whose task has a known answer: share of scored ones that still gave it; null when
 *                        none was measured
 * @param utilityNotMeasured attacks whose task's known answers belong to a pack document that the user's
 *                        --document replaced: left out of utility, not counted as failing it
 * @param refusals        over_refusal only: twins whose reply reads like a refusal (heuristic, explanatory)
 */
public record CategoryResult(String id, List<String> owasp, List<String> atlas, String hitMeans, int probes, int attempts,
                             int hits, int passes, int unscored, MetricSummary asr, int samples, int samplesHit,
                             int samplesLeftOut, int controlAttempts, int controlHits, int controlUnscored,
                             Double leakedFraction, Double utility, int utilityNotMeasured, Integer refusals) {
    public CategoryResult {
        owasp = List.copyOf(owasp);
        atlas = List.copyOf(atlas);
        if (samplesHit < 0 || samplesLeftOut < 0 || samplesHit + samplesLeftOut > samples) {
            throw new IllegalArgumentException(id + ": samplesHit (" + samplesHit + ") and samplesLeftOut ("
                    + samplesLeftOut + ") must be >= 0 and together at most samples (" + samples + ")");
        }
    }
}
