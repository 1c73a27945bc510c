package dev.arbiter.sandbox;

/**
 * The JSON object launcher.py prints when it is done (snake_case on the wire).
 *
 * @param outputLimit "stdout" or "stderr" when that stream passed the cap (the program was killed), else null
 * @param stdoutBytes bytes the program wrote to stdout, counted up to the moment it was killed
 * @param error       why the sandbox could not run the program, or null
 */
record LauncherReport(Integer exitCode, Integer signal, boolean timedOut, boolean cpuLimit, String outputLimit,
                      String stdout, String stderr, long stdoutBytes, long stderrBytes, long cpuMs, long wallMs,
                      String error) {}
