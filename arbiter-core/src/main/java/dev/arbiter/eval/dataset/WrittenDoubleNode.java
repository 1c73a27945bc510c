package dev.arbiter.eval.dataset;

import com.fasterxml.jackson.databind.node.DoubleNode;

/**
 * A JSON number with a fraction or exponent: its value is the double (equal to readTree's {@code DoubleNode}), its text
 * the number as written in the file. A target {@code 3.10} is "3.10" and {@code 1e6} is "1e6", as the same cells in a
 * CSV are; {@link Double#toString} made them "3.1" and "1000000.0", which an exact answer of "3.10" did not match.
 */
final class WrittenDoubleNode extends DoubleNode {
    private final String written;

    WrittenDoubleNode(double value, String written) {
        super(value);
        this.written = written;
    }

    @Override
    public String asText() {
        return written;
    }
}
