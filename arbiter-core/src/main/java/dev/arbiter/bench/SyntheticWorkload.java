package dev.arbiter.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random prompts of a target length in words drawn from a list of short, common English words, each one token in
 * the Llama, Qwen, Mistral and Gemma vocabularies when preceded by a space, so words ≈ tokens (the server's usage
 * or {@code /tokenize} gives the exact count). Every prompt starts with its own level, conversation and turn number
 * and random words, so no two requests share a prefix by accident (the "prompt-uniformity trap"); a shared system
 * prompt of {@code sharedPrefixTokens} words tests the prefix cache on purpose.
 */
public final class SyntheticWorkload implements Workload {
    static final String[] WORDS = ("the of and to in is you that it he was for on are as with his they at be this have from "
            + "or one had by word but not what all were we when your can said there use an each which she do how their if "
            + "will up other about out many then them these so some her would make like him into time has look two more "
            + "write go see number no way could people my than first water been call who oil its now find long down day "
            + "did get come made may part over new sound take only little work know place year live me back give most very "
            + "after thing our just name good sentence man think say great where help through much before line right too "
            + "mean old any same tell boy follow came want show also around form three small set put end does another well "
            + "large must big even such because turn here why ask went men read need land different home us move try kind "
            + "hand picture again change off play spell air away animal house point page letter mother answer found study "
            + "still learn should world high every near add food between own below country plant last school father keep "
            + "tree never start city earth eye light thought head under story saw left few while along might close "
            + "something seem next hard open example begin life always those both paper together got group often run")
            .split(" ");

    private final long seed;
    private final LengthSpec input;
    private final LengthSpec output;
    private final int turns;
    private final String system;
    private final int systemTokens;

    public SyntheticWorkload(long seed, LengthSpec input, LengthSpec output, int turns, int sharedPrefixTokens) {
        if (turns < 1) throw new IllegalArgumentException("turns must be >= 1");
        if (sharedPrefixTokens < 0) throw new IllegalArgumentException("shared prefix must be >= 0 tokens");
        this.seed = seed;
        this.input = input;
        this.output = output;
        this.turns = turns;
        this.systemTokens = sharedPrefixTokens;
        this.system = sharedPrefixTokens == 0 ? null : words(new SplittableRandom(seed ^ 0x5DEECE66DL), sharedPrefixTokens);
    }

    /**
     * The head names the level, so no level's prompt shares a first token with another's: {@code #c.k:} in the first
     * level (as single-level runs always sent), {@code #L3.c.k:} in the third (1-based, as the progress counts them),
     * {@code #W.c.k:} in the warm-up; the words are drawn from the slot's own seed. A level's prompts depend only on the
     * seed and the level, not on what earlier levels sent.
     */
    @Override
    public Conversation conversation(Slot slot) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + slot.key());
        String level = slot.isWarmup() ? "W." : slot.level() == 0 ? "" : "L" + (slot.level() + 1) + ".";
        List<Turn> ts = new ArrayList<>(turns);
        for (int k = 1; k <= turns; k++) {
            int in = input.draw(r);
            String head = "#" + level + slot.index() + "." + k + ":";
            String text = in <= 1 ? head : head + " " + words(r, in - 1);
            ts.add(new Turn(text, in, output.draw(r)));
        }
        return new Conversation(slot.index(), system, systemTokens, ts);
    }

    static String words(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder(n * 5);
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(' ');
            b.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    @Override
    public String describe() {
        return "synthetic input " + input + " output " + output + (turns > 1 ? " turns " + turns : "")
                + (systemTokens > 0 ? " shared-prefix " + systemTokens : "");
    }
}
