package io.podcastplatform.ingest.track.service;

import io.podcastplatform.web.problem.Problem;

/** Turns a reason of the form {@code field: message} into a problem's field error. */
final class RequestReasons {

    private RequestReasons() {
    }

    static Problem.FieldError fieldError(String reason) {
        return fieldError(null, reason);
    }

    static Problem.FieldError fieldError(String prefix, String reason) {
        int colon = reason.indexOf(": ");
        String field = colon > 0 ? reason.substring(0, colon) : "event";
        String message = colon > 0 ? reason.substring(colon + 2) : reason;
        return new Problem.FieldError(prefix == null ? field : prefix + "." + field, message);
    }
}
