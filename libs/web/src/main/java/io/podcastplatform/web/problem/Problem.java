package io.podcastplatform.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} lists every offending field so a client can fix all of
 * them at once; {@code requestId} lets an operator find the request in the logs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending input: {@code field} is a JSON path such as {@code items[2].email} or a parameter name. */
    public record FieldError(String field, String message) {
    }
}
