package io.podcastplatform.catalog.sponsor.service;

/** A sponsor's editable fields; in a change, null leaves a field as it is. */
public record SponsorFields(String name, String company, String email, String contactName, String websiteUrl, String logoUrl,
                            String industry) {

    public boolean isEmpty() {
        return name == null && company == null && email == null && contactName == null && websiteUrl == null && logoUrl == null
                && industry == null;
    }
}
