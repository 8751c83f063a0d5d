package io.podcastplatform.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.podcastplatform.analytics.rollup.service.Platforms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0|iOS",
            "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)|iOS",
            "AppleCoreMedia/1.0.0.20E247 (iPhone; U; CPU OS 16_4 like Mac OS X; en_us)|iOS",
            "atc/1.0 watchOS/9.4 model/Watch6,1 hwp/t8301 build/20T250 (6; dt:263)|watchOS",
            "AppleCoreMedia/1.0.0.20K71 (Apple TV; U; CPU OS 16_1 like Mac OS X; en_us) tvOS|tvOS",
            "Spotify/8.8.18 Android/33 (SM-G991B)|Android",
            "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 Chrome/112.0 Mobile Safari/537.36|Android",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/16.4 Safari/605.1.15|macOS",
            "Podcasts/1.1.0 (Macintosh; OS X 13.3) CFNetwork/1404.0.5|macOS",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/112.0 Safari/537.36|Windows",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 Chrome/112.0 Safari/537.36|ChromeOS",
            "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/112.0|Linux",
            "curl/8.0.1|unknown",
    })
    void thePlatformComesFromTheUserAgent(String userAgent, String platform) {
        assertThat(Platforms.of(userAgent)).isEqualTo(platform);
    }

    @org.junit.jupiter.api.Test
    void aMissingUserAgentHasAnUnknownPlatform() {
        assertThat(Platforms.of(null)).isEqualTo("unknown");
        assertThat(Platforms.of(" ")).isEqualTo("unknown");
    }
}
