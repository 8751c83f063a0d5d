package io.podcastplatform.bench.ingest;

import java.util.Locale;

/** What a sub-command measured, as {@code RESULT name=value} lines the driver script reads. */
final class Results {

    private Results() {
    }

    static void print(String name, double value) {
        System.out.println(String.format(Locale.ROOT, "RESULT %s=%.2f", name, value));
    }

    static void print(String name, long value) {
        System.out.println("RESULT " + name + "=" + value);
    }

    static void print(String name, String value) {
        System.out.println("RESULT " + name + "=" + value);
    }

    static void note(String message) {
        System.out.println("  " + message);
    }
}
