package dev.arbiter.testing;

import java.util.List;
import java.util.function.Function;

/** Decides the scripted server's answer to each generation request. Called from server threads: keep it pure. */
@FunctionalInterface
public interface Script {
    Reply answer(RecordedRequest request);

    /** Answers every request with the text {@code f(last user message or prompt)}: the test knows the ground truth. */
    static Script replyWith(Function<String, String> f) {
        return r -> Reply.text(f.apply(r.lastUserMessage()));
    }

    static Script always(Reply reply) {
        return r -> reply;
    }

    /** The n-th attempt at the same request gets {@code replies[n-1]}; later attempts get the last one. */
    static Script byAttempt(Reply... replies) {
        List<Reply> list = List.of(replies);
        return r -> list.get(Math.min(r.attempt(), list.size()) - 1);
    }
}
