package dev.arbiter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Prompts from a ShareGPT-style JSON file ({@code [{"conversations": [{"from": "human", "value": …}, {"from": "gpt",
 * "value": …}, …]}, …]}), as vLLM's {@code --dataset-name sharegpt}: each human turn is sent and asks for as many
 * tokens as the recorded answer had. Token counts are characters ÷ 4 (no tokenizer); pairs under 4 tokens, prompts
 * over 1024 or prompt + answer over 2048 are dropped as vLLM does. The order is shuffled with the seed; each level
 * of a sweep goes on through the list from where the last one stopped, wrapping round only when it is used up, and
 * warm-up requests take conversations from the other end so they do not prime the measured ones.
 */
public final class ShareGptWorkload implements Workload {
    private final List<List<Turn>> conversations;
    private final int turns;
    private final Path file;

    public ShareGptWorkload(Path file, long seed, int turns, Integer outputOverride) {
        this.file = file;
        this.turns = turns;
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UnavailableException("--dataset " + file + ": file not found");
        } catch (IOException e) {
            throw new InvalidInputException("--dataset " + file + ": not JSON: " + e.getMessage());
        }
        if (!root.isArray()) throw new InvalidInputException("--dataset " + file + ": expected a JSON array of {\"conversations\": [...]}");
        List<List<Turn>> all = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode conv = root.get(i).path("conversations");
            if (!conv.isArray()) {
                throw new InvalidInputException("--dataset " + file + ": entry " + i + " has no \"conversations\" array");
            }
            List<Turn> ts = new ArrayList<>();
            for (int k = 0; k + 1 < conv.size() && ts.size() < turns; k += 2) {
                String q = conv.get(k).path("value").asText("");
                String a = conv.get(k + 1).path("value").asText("");
                int in = Math.max(1, q.length() / 4);
                int out = outputOverride != null ? outputOverride : Math.max(1, a.length() / 4);
                if (in < 4 || (outputOverride == null && out < 4) || in > 1024 || in + out > 2048) break;
                ts.add(new Turn(q, in, out));
            }
            if (ts.size() == turns) all.add(ts);
        }
        if (all.isEmpty()) {
            throw new InvalidInputException("--dataset " + file + ": no conversation with " + turns
                    + " usable turn(s) (prompt 4–1024 tokens, prompt + answer ≤ 2048, at chars ÷ 4)");
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = all.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            List<Turn> t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
        }
        this.conversations = List.copyOf(all);
    }

    public int size() { return conversations.size(); }

    @Override
    public Conversation conversation(Slot slot) {
        int n = conversations.size();
        int at = slot.isWarmup() ? n - 1 - Math.floorMod(slot.index(), n) : (int) Math.floorMod(slot.position(), (long) n);
        return new Conversation(slot.index(), null, 0, conversations.get(at));
    }

    @Override
    public OptionalInt distinct() {
        return OptionalInt.of(conversations.size());
    }

    @Override
    public String describe() {
        return "sharegpt " + file.getFileName() + " (" + conversations.size() + " conversations)" + (turns > 1 ? " turns " + turns : "");
    }
}
