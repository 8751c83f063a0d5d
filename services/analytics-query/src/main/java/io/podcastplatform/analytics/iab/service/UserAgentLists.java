package io.podcastplatform.analytics.iab.service;

import io.podcastplatform.useragents.PatternSetLoader;
import io.podcastplatform.useragents.UserAgentClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The OPAWG lists in use: a configured directory (replaceable without a code change) or the bundled copy. */
@ApplicationScoped
public class UserAgentLists {

    @Produces
    @Singleton
    UserAgentClassifier classifier(IabConfig config) {
        return new UserAgentClassifier(PatternSetLoader.load(config.userAgentsDirectory().filter(dir -> !dir.isBlank()).orElse(null)));
    }

    @Produces
    @Singleton
    IabDownloadCounter counter(UserAgentClassifier classifier) {
        return new IabDownloadCounter(classifier);
    }
}
