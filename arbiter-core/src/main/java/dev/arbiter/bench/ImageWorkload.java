package dev.arbiter.bench;

import dev.arbiter.client.ImagePart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Another workload's prompts with {@code perTurn} generated images added to every user turn (a vision workload: each
 * request carries its images as base64, so request size, upload and the server's image preprocessing are measured).
 * Images come from {@code generator(i)} — for the command line, seeded synthetic charts or documents — and a pool of
 * {@code pool} of them is made before the run, so rendering never sits on a request's path. Turn k of the run's
 * measured conversation c ({@link Workload.Slot#position()}: a sweep's levels go on through the pool) takes pool images
 * {@code ((c·turns + k)·perTurn + j) mod pool}: distinct within a request, and distinct across requests until the
 * pool wraps (a server's image cache can then hit, which the description says). Warm-up requests get images of their
 * own, outside the pool, so they do not prime the measured ones.
 */
public final class ImageWorkload implements Workload {
    private final Workload base;
    private final int perTurn;
    private final IntFunction<ImagePart> generator;
    private final String kind;
    private final List<ImagePart> pool;
    private final Map<Integer, ImagePart> warmup = new ConcurrentHashMap<>();
    private final long bytes;

    /**
     * @param kind what the generator makes, for the description (e.g. {@code chart})
     * @param pool distinct images made up front, ≥ {@code perTurn}
     */
    public ImageWorkload(Workload base, int perTurn, IntFunction<ImagePart> generator, String kind, int pool) {
        if (perTurn < 1) throw new IllegalArgumentException("--images must be >= 1, got " + perTurn);
        if (pool < perTurn) throw new IllegalArgumentException("the image pool (" + pool + ") must hold at least --images (" + perTurn + ")");
        this.base = base;
        this.perTurn = perTurn;
        this.generator = generator;
        this.kind = kind;
        // rendering takes 50–100 ms an image: spread it over the cores (the generator is a pure function of i)
        this.pool = java.util.stream.IntStream.range(0, pool).parallel().mapToObj(generator).toList();
        this.bytes = this.pool.stream().mapToLong(p -> p.data().length).sum();
    }

    @Override
    public Conversation conversation(Slot slot) {
        Conversation c = base.conversation(slot);
        int turns = c.turns().size();
        List<Turn> out = new ArrayList<>(turns);
        for (int k = 0; k < turns; k++) {
            List<ImagePart> images = new ArrayList<>(perTurn);
            for (int j = 0; j < perTurn; j++) images.add(image(slot, turns, k, j));
            out.add(c.turns().get(k).withImages(images));
        }
        return new Conversation(c.id(), c.system(), c.systemTokens(), out);
    }

    @Override
    public OptionalInt distinct() {
        return base.distinct();
    }

    private ImagePart image(Slot slot, int turns, int turn, int j) {
        if (slot.isWarmup()) {
            long n = ((long) slot.index() * turns + turn) * perTurn + j;
            int at = pool.size() + (int) Math.min(n, Integer.MAX_VALUE - pool.size());
            return warmup.computeIfAbsent(at, generator::apply);
        }
        long n = (slot.position() * turns + turn) * perTurn + j;
        return pool.get((int) Math.floorMod(n, (long) pool.size()));
    }

    /** The images made before the run, in pool order. */
    public List<ImagePart> pool() { return pool; }

    @Override
    public String describe() {
        return base.describe() + " images " + perTurn + "×" + kind + " per turn (pool " + pool.size() + ", "
                + Math.round(bytes / (double) pool.size() / 1024) + " KiB each on average)";
    }
}
