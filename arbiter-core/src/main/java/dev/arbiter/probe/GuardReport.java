package dev.arbiter.probe;

import java.util.List;

/**
 * A guard measured as the filter it is deployed as, on the run's own attempts.
 *
 * @param purpose          {@code prompt_injection} (measured on the attack prompts and the benign prompts) or
 *                         {@code content_safety} (measured on the user's unsafe set and the benign prompts)
 * @param attackPrompts    attack prompts of the packs flagged in front of the model (detection rate)
 * @param unsafeSet        requests of the user's unsafe set flagged in front of the model, or behind it on the
 *                         model's reply; null without --unsafe-set
 * @param benign           benign twins and no-attack controls flagged in front or behind (false-positive rate)
 * @param categories       ASR of the model alone and of model + guard per category
 */
public record GuardReport(String kind, String model, String purpose, boolean screensReplies, GuardRate attackPrompts,
                          GuardRate unsafeSet, GuardRate benign, List<GuardedCategory> categories,
                          GuardLatency promptLatency, GuardLatency replyLatency) {
    public GuardReport {
        categories = List.copyOf(categories);
    }
}
