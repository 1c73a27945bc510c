package dev.arbiter.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a long command (eval, probe, bench) so that Ctrl-C stops it cleanly: a shutdown hook asks the run to stop and
 * holds the JVM up to {@code graceSeconds} while the body stores and prints what was obtained.
 */
final class CtrlC {
    private CtrlC() {}

    static <T> T guard(Runnable requestStop, int graceSeconds, Supplier<T> body) {
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            requestStop.run();
            try {
                ended.await(graceSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "arbiter-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return body.get();
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook is running and will see the latch
            }
        }
    }
}
