package io.podcastplatform.web.paging;

import java.util.List;
import java.util.function.Function;

/** A page of a list; {@code nextCursor} is absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page from {@code found}, which a query fetched with {@code limit + 1} rows so the extra row tells
     * whether another page follows; the cursor is made from the last item shown.
     */
    public static <R, T> Page<T> of(List<R> found, int limit, Function<R, T> view, Function<R, String> cursorOf) {
        List<R> shown = found.size() > limit ? found.subList(0, limit) : found;
        String next = found.size() > limit ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
