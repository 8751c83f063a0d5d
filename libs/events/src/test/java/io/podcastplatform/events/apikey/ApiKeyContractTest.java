package io.podcastplatform.events.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyContractTest {

    @Test
    void generatedKeysCarryTheirTypeAndAreUnique() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeySecrets.generate(ApiKeyType.WRITE);
            assertThat(key).startsWith("pk_").hasSize(43);
            assertThat(ApiKeySecrets.typeOf(key)).contains(ApiKeyType.WRITE);
            keys.add(key);
        }
        assertThat(keys).hasSize(1000);
        assertThat(ApiKeySecrets.typeOf(ApiKeySecrets.generate(ApiKeyType.SECRET))).contains(ApiKeyType.SECRET);
    }

    @Test
    void malformedKeysHaveNoType() {
        assertThat(ApiKeySecrets.typeOf(null)).isEmpty();
        assertThat(ApiKeySecrets.typeOf("pk_short")).isEmpty();
        assertThat(ApiKeySecrets.typeOf("xx_" + "a".repeat(40))).isEmpty();
        assertThat(ApiKeySecrets.typeOf("pk_" + "a".repeat(39) + "!")).isEmpty();
    }

    @Test
    void theHashIsTheHexSha256OfTheWholeKey() {
        assertThat(ApiKeySecrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void whatTheRecordWritesMatchesTheSchemaAndExamplesReadBack() {
        String key = ApiKeySecrets.generate(ApiKeyType.SECRET);
        ApiKeyChanged changed = new ApiKeyChanged(UUID.randomUUID(), UUID.randomUUID(), "ci", ApiKeyType.SECRET,
                ApiKeySecrets.displayPrefix(key), ApiKeySecrets.hash(key), List.of("*:read"), ApiKeyStatus.ACTIVE,
                null, 100, 1, OffsetDateTime.now());

        JsonNode json = EventJson.tree(EventJson.write(changed));

        assertThat(EventSchemas.violations(Topics.IDENTITY_API_KEY_V1, json)).isEmpty();
        assertThat(json.toString()).doesNotContain(key);
        for (JsonNode example : EventSchemas.examples(Topics.IDENTITY_API_KEY_V1)) {
            ApiKeyChanged read = EventJson.read(EventJson.write(example), ApiKeyChanged.class);
            assertThat(read.keyHash()).isEqualTo(example.get("keyHash").asText());
            assertThat(read.status().name()).isEqualTo(example.get("status").asText());
        }
    }
}
