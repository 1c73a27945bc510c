package dev.arbiter.cli;

import dev.arbiter.client.Capabilities;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ModelException;

import java.util.List;

/**
 * The judge given to a task that {@code merge} builds again only for its metrics: building MT-Bench needs a judge
 * client, computing its metrics from stored ratings never calls one. Any call is a bug and says so.
 */
enum NoJudge implements dev.arbiter.client.ModelClient {
    INSTANCE;

    @Override
    public GenerateResponse generate(GenerateRequest request) { throw refused(); }

    @Override
    public Capabilities probe() { throw refused(); }

    @Override
    public List<String> listModels() { return List.of(); }

    @Override
    public String describe() { return "no judge (merge computes metrics from stored ratings)"; }

    private static ModelException refused() {
        return new ModelException(ModelException.Kind.UNSUPPORTED, 0, "merge asks no judge; its ratings are stored", null, null);
    }
}
