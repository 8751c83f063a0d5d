package io.podcastplatform.ingest.track.service;

import io.podcastplatform.ingest.publish.messaging.OutgoingEvent;
import java.util.List;

/** What became of one event of a request: what to publish, or why it was refused. */
public record EventVerdict(int index, String messageId, List<OutgoingEvent> events, List<String> reasons) {

    public boolean accepted() {
        return reasons.isEmpty();
    }
}
