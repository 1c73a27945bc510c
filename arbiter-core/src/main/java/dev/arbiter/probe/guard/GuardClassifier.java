package dev.arbiter.probe.guard;

/**
 * A guard model deployed as a filter: in front of the model (classifying the prompt) and, for content-safety
 * guards, behind it (classifying the reply). Implementations call their own endpoint and never throw for an
 * unreadable answer: they return a verdict with {@code flagged == null}. Transport failures are thrown.
 */
public interface GuardClassifier {
    /** e.g. {@code llama_guard}, {@code shieldgemma}, {@code prompt_guard}. */
    String kind();

    /** Model name, for the report. */
    String model();

    GuardVerdict prompt(String prompt);

    /** Whether {@link #response} is meaningful (content-safety guards; not prompt-injection classifiers). */
    boolean screensResponses();

    GuardVerdict response(String prompt, String reply);
}
