package io.podcastplatform.identity.tenant.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the tenant endpoints. */
public final class TenantRequests {

    static final String SLUG = "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$";
    static final String TIER = "^[a-z][a-z0-9-]{1,49}$";

    private TenantRequests() {
    }

    public record Create(
            @NotBlank @Pattern(regexp = SLUG, message = "lower-case letters, digits and inner hyphens, at most 63") String slug,
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = TIER, message = "lower-case letters, digits and hyphens") String tier) {
    }

    public record Update(
            @Size(min = 1, max = 200) String name,
            @Pattern(regexp = TIER, message = "lower-case letters, digits and hyphens") String tier) {
    }
}
