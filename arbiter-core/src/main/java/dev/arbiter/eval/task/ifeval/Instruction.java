package dev.arbiter.eval.task.ifeval;

/** One verifiable instruction of an IFEval prompt, with its kwargs bound: does a response follow it? */
@FunctionalInterface
public interface Instruction {
    boolean follows(String response);
}
