package io.podcastplatform.analytics.iab.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Byte ranges of a request, half-open {@code [start, end)}, and the union of several requests' ranges.
 * A Range header that cannot be parsed is ignored as servers ignore it (RFC 9110 §14.2): the whole file.
 */
final class ByteRanges {

    record Span(long start, long end) {
    }

    private final List<Span> merged = new ArrayList<>();

    private ByteRanges() {
    }

    static ByteRanges empty() {
        return new ByteRanges();
    }

    /** The spans a request asks for in a file of {@code length} bytes (null: unknown). */
    static List<Span> requested(String range, Long length) {
        long size = length == null ? Long.MAX_VALUE : length;
        if (range == null || !range.trim().toLowerCase(java.util.Locale.ROOT).startsWith("bytes=")) {
            return List.of(new Span(0, size));
        }
        List<Span> spans = new ArrayList<>();
        for (String part : range.trim().substring(6).split(",")) {
            String spec = part.trim();
            int dash = spec.indexOf('-');
            try {
                if (dash < 0) {
                    return List.of(new Span(0, size));
                }
                if (dash == 0) {
                    long suffix = Long.parseLong(spec.substring(1));
                    spans.add(new Span(Math.max(0, size - suffix), size));
                } else {
                    long start = Long.parseLong(spec.substring(0, dash));
                    long end = dash == spec.length() - 1 ? size : Math.min(size, Long.parseLong(spec.substring(dash + 1)) + 1);
                    if (end <= start) {
                        return List.of(new Span(0, size));
                    }
                    spans.add(new Span(start, end));
                }
            } catch (NumberFormatException e) {
                return List.of(new Span(0, size));
            }
        }
        return spans;
    }

    /** Apple's {@code bytes=0-1} availability probe and its like: nothing of the audio is delivered. */
    static boolean isProbe(String range) {
        if (range == null) {
            return false;
        }
        List<Span> spans = requested(range, null);
        return spans.size() == 1 && spans.get(0).start() == 0 && spans.get(0).end() <= 2;
    }

    void add(List<Span> spans) {
        merged.addAll(spans);
        merged.sort(Comparator.comparingLong(Span::start));
        List<Span> union = new ArrayList<>();
        for (Span span : merged) {
            if (!union.isEmpty() && span.start() <= union.get(union.size() - 1).end()) {
                Span last = union.remove(union.size() - 1);
                union.add(new Span(last.start(), Math.max(last.end(), span.end())));
            } else {
                union.add(span);
            }
        }
        merged.clear();
        merged.addAll(union);
    }

    /** Distinct bytes covered; overlapping requests (a replay, a seek back) do not add up twice. */
    long covered() {
        long total = 0;
        for (Span span : merged) {
            total += span.end() - span.start();
            if (total < 0) {
                return Long.MAX_VALUE;
            }
        }
        return total;
    }
}
