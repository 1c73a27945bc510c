package dev.arbiter.bench;

import dev.arbiter.client.ChatMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Prompts taken from a benchmark's own dataset (the eval tasks' prompts, exactly as an eval run sends them): each
 * prompt is an optional system message and its user turns (MT-Bench has two; a vision task's turns carry their
 * images). The order is shuffled with the seed, so {@code --requests 50} sends a random 50 rather than the first;
 * the list wraps round when there are more requests than prompts, and warm-up requests take prompts from the
 * other end of the shuffled list so they do not prime the measured ones. Each level of a sweep goes on through the
 * list from where the last one stopped ({@link Workload.Slot#position()}), wrapping round only when it is used up.
 * Input tokens are estimated as characters ÷ 4 (the server's usage gives the exact count); output lengths are drawn
 * from {@code output} per conversation.
 */
public final class DatasetWorkload implements Workload {
    /** One dataset item as the benchmark replays it. */
    public record Prompt(String id, String system, List<ChatMessage> turns) {
        public Prompt {
            if (turns == null || turns.isEmpty()) throw new IllegalArgumentException("prompt " + id + " has no user turn");
            turns = List.copyOf(turns);
            for (ChatMessage m : turns) {
                if (!m.role().equals("user")) throw new IllegalArgumentException("prompt " + id + ": turns are user messages, got " + m.role());
                if (m.content().isEmpty()) throw new IllegalArgumentException("prompt " + id + " has an empty user turn");
            }
            if (system != null && system.isEmpty()) system = null;
        }
    }

    private final String name;
    private final String source;
    private final List<Prompt> prompts;
    private final LengthSpec output;
    private final int turns;
    private final long seed;

    /**
     * @param name   the dataset, for the run record (e.g. {@code gsm8k})
     * @param source where its data came from (file or {@code generated:…})
     * @param turns  most user turns to play of each prompt (≥ 1)
     */
    public DatasetWorkload(String name, String source, List<Prompt> prompts, LengthSpec output, int turns, long seed) {
        if (prompts == null || prompts.isEmpty()) throw new IllegalArgumentException("dataset " + name + " has no prompts");
        if (turns < 1) throw new IllegalArgumentException("turns must be >= 1");
        List<Prompt> shuffled = new ArrayList<>(prompts);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = shuffled.size() - 1; i > 0; i--) java.util.Collections.swap(shuffled, i, r.nextInt(i + 1));
        this.name = name;
        this.source = source;
        this.prompts = List.copyOf(shuffled);
        this.output = output;
        this.turns = Math.min(turns, prompts.stream().mapToInt(p -> p.turns().size()).max().orElse(1));
        this.seed = seed;
    }

    public int size() { return prompts.size(); }

    @Override
    public Conversation conversation(Slot slot) {
        int n = prompts.size();
        Prompt p = slot.isWarmup() ? prompts.get(n - 1 - Math.floorMod(slot.index(), n))
                : prompts.get((int) Math.floorMod(slot.position(), (long) n));
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + slot.key());
        List<Turn> ts = new ArrayList<>();
        for (ChatMessage m : p.turns().subList(0, Math.min(turns, p.turns().size()))) {
            ts.add(new Turn(m.content(), estimate(m.content()), output.draw(r), m.images()));
        }
        return new Conversation(slot.index(), p.system(), p.system() == null ? 0 : estimate(p.system()), ts);
    }

    @Override
    public OptionalInt distinct() {
        return OptionalInt.of(prompts.size());
    }

    private static int estimate(String text) {
        return Math.max(1, text.length() / 4);
    }

    @Override
    public String describe() {
        return "dataset " + name + " (" + prompts.size() + " prompts from " + source + ") output " + output
                + (turns > 1 ? " turns up to " + turns : "");
    }
}
