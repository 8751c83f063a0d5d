package io.podcastplatform.identity.apikey.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.podcastplatform.events.apikey.ApiKeyType;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** Body of {@code POST /v1/api-keys}. */
public record ApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull KeyType type,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> scopes,
        @Future OffsetDateTime expiresAt,
        @Min(1) @Max(10_000_000) Integer rateLimitPerHour) {

    /** The key types as the API spells them. */
    public enum KeyType {
        @JsonProperty("write") WRITE(ApiKeyType.WRITE),
        @JsonProperty("secret") SECRET(ApiKeyType.SECRET);

        private final ApiKeyType type;

        KeyType(ApiKeyType type) {
            this.type = type;
        }

        public ApiKeyType toType() {
            return type;
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
