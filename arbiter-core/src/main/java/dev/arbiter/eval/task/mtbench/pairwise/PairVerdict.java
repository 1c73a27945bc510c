package dev.arbiter.eval.task.mtbench.pairwise;

/** Which side a pairwise judgment favours; A and B name the runs (already mapped back after a position swap). */
public enum PairVerdict {
    A, B, TIE;

    /** The same verdict seen from the swapped order: A ↔ B, a tie stays a tie. */
    public PairVerdict swapped() {
        return switch (this) {
            case A -> B;
            case B -> A;
            case TIE -> TIE;
        };
    }
}
