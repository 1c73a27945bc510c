package dev.arbiter.eval.task.humaneval;

/** How the model is asked. */
public enum PromptMode {
    /** Instruction + prompt in a ```python block; the answer's code is extracted (instruction-tuned models). */
    CHAT,
    /** The raw prompt as a completion, cut at {@link CodeExtractor#STOP_SEQUENCES} (base models, as in the paper). */
    COMPLETION
}
