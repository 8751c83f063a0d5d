package io.podcastplatform.catalog.episode.service;

import java.util.UUID;

/**
 * A place for an ad in an episode.
 *
 * @param position        pre, mid or post roll
 * @param offsetSeconds   where a mid-roll starts (required for mid, absent otherwise)
 * @param durationSeconds how long the ad runs
 * @param sponsorId       a sponsor of this tenant, when sold
 * @param campaignId      the commerce campaign it belongs to, when sold
 */
public record AdSlot(String position, Integer offsetSeconds, int durationSeconds, UUID sponsorId, UUID campaignId) {
}
