package dev.arbiter.bench;

import java.util.OptionalInt;

/**
 * The prompts of a benchmark: a conversation is a pure function of the workload's seed and its {@link Slot}, so a
 * run is reproducible. Each level of a sweep gets prompts of its own, distinct from every other level's and from the
 * warm-up's: a server's prefix cache would otherwise answer a later level's repeats faster and flatter it.
 */
public interface Workload {
    Conversation conversation(Slot slot);

    /** Conversation {@code index} of the first measured level (as a single-level run sends it). */
    default Conversation conversation(int index) {
        return conversation(new Slot(0, index, 0));
    }

    /**
     * How many distinct conversations the workload holds before one must be sent again (a dataset's prompts); empty
     * when they never repeat (generated prompts).
     */
    default OptionalInt distinct() {
        return OptionalInt.empty();
    }

    /** For the run record, e.g. {@code synthetic input 512 output 128}. */
    String describe();

    /**
     * Where a conversation falls in a run.
     *
     * @param level  0-based measured level, or {@link #WARMUP}
     * @param index  0-based within its level: the conversation number its requests are recorded with
     * @param before conversations the run's earlier measured levels started; a dataset goes on after them
     */
    record Slot(int level, int index, int before) {
        /** The warm-up's level. */
        public static final int WARMUP = -1;

        public Slot {
            if (level < WARMUP) throw new IllegalArgumentException("level must be >= 0 or WARMUP, got " + level);
            if (index < 0 || before < 0) throw new IllegalArgumentException("index and before must be >= 0");
        }

        public static Slot warmup(int index) {
            return new Slot(WARMUP, index, 0);
        }

        public boolean isWarmup() {
            return level == WARMUP;
        }

        /** Place in the run's sequence of measured conversations: a dataset's prompts are taken in this order. */
        public long position() {
            return (long) before + index;
        }

        /**
         * A number of its own for each slot, to seed what is drawn for it: the first level's conversations keep
         * {@code index} and the warm-up's {@code 2^30 + index}, the numbers they had before levels had slots of
         * their own; level L ≥ 1 takes {@code L·2^32 + index}.
         */
        public long key() {
            if (isWarmup()) return (1L << 30) + index;
            return ((long) level << 32) + index;
        }
    }
}
