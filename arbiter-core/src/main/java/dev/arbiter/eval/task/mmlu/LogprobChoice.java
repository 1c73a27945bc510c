package dev.arbiter.eval.task.mmlu;

import dev.arbiter.client.TokenLogprob;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks an option from the first generated token's log-probabilities. The probability of a letter is the sum over
 * its spellings among the top alternatives ("A", " A", "▁A", "ĠA"); the choice is the most probable letter (ties:
 * the earlier letter). Empty when no option letter is among the alternatives ("The", "**"); {@link MmluScorer} counts
 * that as wrong, so accuracy is over every question asked.
 */
public final class LogprobChoice {
    /** The chosen letter and each letter's probability mass (letters absent from the top list are 0). */
    public record Result(String letter, Map<String, Double> probabilities) {}

    private LogprobChoice() {}

    public static Optional<Result> pick(List<TokenLogprob> logprobs, int choices) {
        if (logprobs.isEmpty()) return Optional.empty();
        TokenLogprob first = logprobs.get(0);
        Map<String, Double> alternatives = new LinkedHashMap<>(first.top());
        alternatives.putIfAbsent(first.token(), first.logprob());
        Map<String, Double> mass = new LinkedHashMap<>();
        for (int i = 0; i < choices; i++) mass.put(String.valueOf((char) ('A' + i)), 0.0);
        boolean any = false;
        for (Map.Entry<String, Double> e : alternatives.entrySet()) {
            String letter = letterOf(e.getKey());
            if (letter != null && mass.containsKey(letter) && e.getValue() != null && !e.getValue().isNaN()) {
                mass.merge(letter, Math.exp(e.getValue()), Double::sum);
                any = true;
            }
        }
        if (!any) return Optional.empty();
        String best = null;
        for (Map.Entry<String, Double> e : mass.entrySet()) {
            if (best == null || e.getValue() > mass.get(best)) best = e.getKey();
        }
        return Optional.of(new Result(best, mass));
    }

    /** The letter a token spells, ignoring leading spaces and the SentencePiece/GPT-2 space marks; null otherwise. */
    static String letterOf(String token) {
        String t = token.replace('\u2581', ' ').replace('\u0120', ' ').strip();
        return t.length() == 1 && t.charAt(0) >= 'A' && t.charAt(0) <= 'Z' ? t : null;
    }
}
