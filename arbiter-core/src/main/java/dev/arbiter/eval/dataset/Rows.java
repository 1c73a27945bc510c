package dev.arbiter.eval.dataset;

import java.util.ArrayList;
import java.util.List;

/** What a reader found: rows that parsed, and rows that did not (in file order). */
record Rows(List<RawRow> rows, List<DataProblem> problems) {
    Rows() {
        this(new ArrayList<>(), new ArrayList<>());
    }
}
