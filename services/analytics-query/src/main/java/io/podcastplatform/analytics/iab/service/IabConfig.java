package io.podcastplatform.analytics.iab.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.util.Optional;

@ConfigMapping(prefix = "analytics")
public interface IabConfig {

    @WithName("user-agents.directory")
    Optional<String> userAgentsDirectory();

    @WithName("iab.default-window-mode")
    WindowMode defaultWindowMode();
}
