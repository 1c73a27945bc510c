package dev.arbiter.eval.task.mmlu;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the MMLU fixtures in test resources (small hand-written questions in the three layouts). */
final class MmluFixtures {
    private MmluFixtures() {}

    static Path resource(String relative) {
        try {
            return Path.of(MmluFixtures.class.getResource("/mmlu/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path hendrycks() { return resource("hendrycks/data"); }
    static Path mmmluFrench() { return resource("mmmlu/mmlu_FR-FR.csv"); }
    static Path jsonl() { return resource("jsonl/mmlu.jsonl"); }
}
