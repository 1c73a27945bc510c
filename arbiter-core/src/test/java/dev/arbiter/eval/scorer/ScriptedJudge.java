package dev.arbiter.eval.scorer;

import dev.arbiter.client.Capabilities;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ModelClient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A judge whose reply is a function of the prompt it receives; records every request. */
final class ScriptedJudge implements ModelClient {
    final List<GenerateRequest> requests = new ArrayList<>();
    private final Function<String, String> reply;

    ScriptedJudge(Function<String, String> reply) {
        this.reply = reply;
    }

    static ScriptedJudge saying(String text) {
        return new ScriptedJudge(p -> text);
    }

    String lastPrompt() {
        return requests.get(requests.size() - 1).messages().get(0).content();
    }

    @Override
    public synchronized GenerateResponse generate(GenerateRequest request) {
        requests.add(request);
        return new GenerateResponse(reply.apply(request.messages().get(0).content()), null, "stop", null, null, null, "judge");
    }

    @Override
    public Capabilities probe() { return new Capabilities(true, false, false, null, "judge", "test"); }

    @Override
    public List<String> listModels() { return List.of("judge"); }

    @Override
    public String describe() { return "scripted judge"; }
}
