package io.podcastplatform.catalog.brandvoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.podcastplatform.catalog.brandvoice.service.TextProfile;
import io.podcastplatform.catalog.brandvoice.service.VoiceAnalyzer;
import io.podcastplatform.catalog.brandvoice.service.VoiceScore;
import io.podcastplatform.catalog.brandvoice.service.VoiceScorer;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceAnalysisTest {

    static final String FRIENDLY_BRAND = """
            Hey friends, welcome back! We're so glad you're here. Thanks for listening together with us.
            Today we chat about coffee, mornings and the little rituals we love. Grab a mug, folks.
            Hi again! We're happy you stuck around. Cheers to slow mornings and good coffee with friends.
            """;

    static final String CORPORATE_TEXT = """
            Our enterprise solution ensures efficient process optimization across heterogeneous organizational infrastructures,
            delivering measurable performance improvements and reliable quality outcomes for stakeholders in regulated industries.
            """;

    @Test
    void theProfileMeasuresVocabularySentencesReadabilityStyleAndTone() {
        TextProfile profile = VoiceAnalyzer.profile(FRIENDLY_BRAND);

        assertThat(profile.words()).isEqualTo(47);
        assertThat(profile.sentences()).isEqualTo(8);
        assertThat(profile.terms()).containsKeys("coffee", "mornings", "friends");
        assertThat(profile.terms().keySet().iterator().next()).isIn("coffee", "friends", "mornings");
        assertThat(profile.contractionsPer100Words()).isGreaterThan(4);
        assertThat(profile.exclamationShare()).isGreaterThan(0.2);
        assertThat(profile.fleschReadingEase()).isGreaterThan(70);
        assertThat(profile.tones().get("friendly")).isGreaterThan(0.5);
        assertThat(profile.tones().values().stream().mapToDouble(Double::doubleValue).sum()).isBetween(0.99, 1.01);
    }

    @Test
    void theSameInputAlwaysGivesTheSameProfileAndScore() {
        assertThat(VoiceAnalyzer.profile(FRIENDLY_BRAND)).isEqualTo(VoiceAnalyzer.profile(FRIENDLY_BRAND));
        TextProfile brand = VoiceAnalyzer.profile(FRIENDLY_BRAND);
        assertThat(VoiceScorer.score(brand, CORPORATE_TEXT, List.of(), List.of()))
                .isEqualTo(VoiceScorer.score(brand, CORPORATE_TEXT, List.of(), List.of()));
    }

    @Test
    void textInTheBrandsVoiceScoresHigherThanTextOutsideIt() {
        TextProfile brand = VoiceAnalyzer.profile(FRIENDLY_BRAND);

        VoiceScore onBrand = VoiceScorer.score(brand, "Hey friends! We're glad you're here. Grab a coffee and welcome to slow mornings.",
                List.of("coffee"), List.of());
        VoiceScore offBrand = VoiceScorer.score(brand, CORPORATE_TEXT, List.of("coffee"), List.of("leverage"));

        assertThat(onBrand.overall()).isGreaterThan(offBrand.overall() + 0.2);
        assertThat(onBrand.toneMatch()).isGreaterThan(0.7);
        assertThat(offBrand.styleMatch()).isLessThan(onBrand.styleMatch());
        assertThat(offBrand.feedback()).extracting(VoiceScore.Feedback::aspect).containsExactly("tone", "vocabulary", "style");
        assertThat(offBrand.feedback().get(0).message()).contains("mostly friendly").contains("professional");
        assertThat(offBrand.deviations()).anySatisfy(deviation -> assertThat(deviation.metric()).isEqualTo("averageSentenceLength"));
        assertThat(offBrand.feedback().get(2).message()).contains("shorten them");
    }

    @Test
    void avoidedWordsCostAndAreNamed() {
        TextProfile brand = VoiceAnalyzer.profile(FRIENDLY_BRAND);
        String text = "Hey friends, we're glad you're here with coffee.";

        VoiceScore clean = VoiceScorer.score(brand, text, List.of(), List.of());
        VoiceScore avoided = VoiceScorer.score(brand, text + " Synergy!", List.of(), List.of("Synergy"));

        assertThat(avoided.vocabularyMatch()).isLessThan(clean.vocabularyMatch());
        assertThat(avoided.feedback().get(1).message()).contains("Avoid: synergy");
        assertThat(avoided.deviations()).anySatisfy(deviation -> assertThat(deviation.metric()).isEqualTo("avoided word: synergy"));
    }

    @Test
    void emptyTextIsMeasuredWithoutFailing() {
        TextProfile empty = VoiceAnalyzer.profile("");

        assertThat(empty.words()).isZero();
        assertThat(VoiceScorer.score(empty, "", List.of(), List.of()).overall()).isBetween(0.0, 1.0);
    }
}
