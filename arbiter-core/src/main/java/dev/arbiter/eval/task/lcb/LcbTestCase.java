package dev.arbiter.eval.task.lcb;

/** One LiveCodeBench test: {@code stdin} (input fed to a program, output compared) or {@code functional} (one JSON value per input line, the call's result compared). */
public record LcbTestCase(String input, String output, String testType) {
    public LcbTestCase {
        if (input == null || output == null) throw new IllegalArgumentException("a test needs input and output");
        if (!"stdin".equals(testType) && !"functional".equals(testType)) {
            throw new IllegalArgumentException("testtype must be stdin or functional, got " + testType);
        }
    }
}
