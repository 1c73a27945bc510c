package dev.arbiter.probe.guard;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.util.Ticker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Llama Guard 3/4 on an OpenAI-compatible server: the conversation is sent as chat messages and the server's chat
 * template builds the guard prompt (User for a prompt, User + Agent for a reply). The answer is {@code safe} or
 * {@code unsafe} with a second line of hazard codes ({@code S1,S10}; Llama Guard 1's {@code O1..O6}); leading
 * whitespace is common and ignored. With logprobs, P(unsafe) of the first token is compared with the threshold, as
 * the model card describes, and decides even when the text is malformed; without, the text decides, and anything
 * but safe/unsafe is unreadable (flagged null).
 */
public final class LlamaGuard implements GuardClassifier {
    /** Llama Guard 3/4 name S1..S14; Llama Guard 1 named O1..O6. */
    private static final Pattern HAZARD = Pattern.compile("[SO]\\d{1,2}");
    private static final GenerationConfig CONFIG = new GenerationConfig(0.0, null, 20, null, null, 5, null);
    private final ModelClient client;
    private final String model;
    private final double threshold;
    private final Ticker ticker;

    public LlamaGuard(ModelClient client, String model, double threshold, Ticker ticker) {
        this.client = client;
        this.model = model;
        this.threshold = threshold;
        this.ticker = ticker;
    }

    @Override public String kind() { return "llama_guard"; }
    @Override public String model() { return model; }
    @Override public boolean screensResponses() { return true; }

    @Override
    public GuardVerdict prompt(String prompt) {
        return ask(List.of(ChatMessage.user(prompt)));
    }

    @Override
    public GuardVerdict response(String prompt, String reply) {
        return ask(List.of(ChatMessage.user(prompt), ChatMessage.assistant(reply)));
    }

    private GuardVerdict ask(List<ChatMessage> conversation) {
        long t0 = ticker.nanos();
        GenerateResponse r = client.generate(GenerateRequest.chat(conversation, CONFIG));
        long ms = (ticker.nanos() - t0) / 1_000_000;
        GuardVerdict v = parse(r.text(), Logprobs.twoWay(r.logprobs(), "unsafe", "safe"), threshold);
        return v.withLatency(ms);
    }

    /**
     * The probability decides when present, whatever the text says (as ShieldGemma): the text is then only where the
     * hazard codes come from. Codes are kept only when the final verdict is flagged, so a text "unsafe\nS1" overruled by
     * P(unsafe) below the threshold does not leave categories behind as if it had been flagged.
     */
    static GuardVerdict parse(String text, Double pUnsafe, double threshold) {
        String[] lines = text.strip().split("\\R");
        String first = lines[0].strip().toLowerCase(Locale.ROOT);
        Boolean said = first.equals("safe") ? Boolean.FALSE : first.equals("unsafe") ? Boolean.TRUE : null;
        Boolean flagged = pUnsafe != null ? Boolean.valueOf(pUnsafe >= threshold) : said;
        List<String> codes = new ArrayList<>();
        if (Boolean.TRUE.equals(flagged) && Boolean.TRUE.equals(said) && lines.length > 1) {
            for (String c : lines[1].split(",")) {
                String code = c.strip().toUpperCase(Locale.ROOT);
                if (HAZARD.matcher(code).matches()) codes.add(code);
            }
        }
        return new GuardVerdict(flagged, codes, pUnsafe, 0, text);
    }
}
