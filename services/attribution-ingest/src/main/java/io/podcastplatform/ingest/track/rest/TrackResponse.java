package io.podcastplatform.ingest.track.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.podcastplatform.ingest.track.service.TrackService;
import java.util.List;

/** Segment's answer {@code {"success": true}}, with the refused events of a partly valid batch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackResponse(boolean success, Integer accepted, List<RejectedEvent> rejected) {

    public record RejectedEvent(int index, String messageId, List<String> reasons) {
    }

    static TrackResponse of(TrackService.Outcome outcome) {
        if (outcome.rejected().isEmpty()) {
            return new TrackResponse(true, null, null);
        }
        return new TrackResponse(true, outcome.accepted(), outcome.rejected().stream()
                .map(verdict -> new RejectedEvent(verdict.index(), verdict.messageId(), verdict.reasons())).toList());
    }
}
