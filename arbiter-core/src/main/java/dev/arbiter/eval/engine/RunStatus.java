package dev.arbiter.eval.engine;

/**
 * Where a run stands. {@code running} is also what a run killed with -9 is left as; {@code interrupted} means
 * stopped on request (Ctrl-C); {@code failed} means stopped by an error that retrying could not fix.
 */
public enum RunStatus { running, completed, failed, interrupted }
