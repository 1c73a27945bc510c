package dev.arbiter.eval.task.humaneval;

import java.util.List;

/**
 * Problems read from one file, with the provenance a run records.
 *
 * @param sha256 hex digest of the file's bytes as stored (compressed if it is gzip)
 */
public record HumanEvalData(String path, String sha256, List<HumanEvalProblem> problems) {
    public HumanEvalData {
        problems = List.copyOf(problems);
    }
}
