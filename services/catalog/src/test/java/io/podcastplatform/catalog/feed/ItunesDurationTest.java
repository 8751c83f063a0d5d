package io.podcastplatform.catalog.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.podcastplatform.catalog.feed.service.ItunesDuration;
import org.junit.jupiter.api.Test;

class ItunesDurationTest {

    @Test
    void everyFormFeedsUseIsRead() {
        assertThat(ItunesDuration.seconds("3012")).isEqualTo(3012);
        assertThat(ItunesDuration.seconds(" 3012.7 ")).isEqualTo(3012);
        assertThat(ItunesDuration.seconds("50:12")).isEqualTo(3012);
        assertThat(ItunesDuration.seconds("0:50:12")).isEqualTo(3012);
        assertThat(ItunesDuration.seconds("1:02:03")).isEqualTo(3723);
        assertThat(ItunesDuration.seconds("01:02:03")).isEqualTo(3723);
        assertThat(ItunesDuration.seconds("PT50M12S")).isEqualTo(3012);
        assertThat(ItunesDuration.seconds("125:00")).isEqualTo(7500);
    }

    @Test
    void whatIsNoDurationIsNull() {
        assertThat(ItunesDuration.seconds(null)).isNull();
        assertThat(ItunesDuration.seconds("")).isNull();
        assertThat(ItunesDuration.seconds("about an hour")).isNull();
        assertThat(ItunesDuration.seconds("1:75:00")).isNull();
        assertThat(ItunesDuration.seconds("-5")).isNull();
        assertThat(ItunesDuration.seconds("1:2:3:4")).isNull();
        assertThat(ItunesDuration.seconds("99999999999")).isNull();
    }
}
