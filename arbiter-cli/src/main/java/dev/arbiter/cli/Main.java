package dev.arbiter.cli;

/** The only class that calls System.exit. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Arbiter.execute(args));
    }
}
