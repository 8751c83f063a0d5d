package io.podcastplatform.catalog.offering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.catalog.offering.service.OfferingRules;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.web.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferingRulesTest {

    private static JsonNode json(String text) {
        return EventJson.tree(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(String type, String capacity, Integer max, String delivery, String location, String schedule) {
        return OfferingRules.check(type, capacity, max, delivery, location, json(schedule)).stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void eachTypeAcceptsTheScheduleSeed002Describes() {
        assertThat(fields("one_time_event", "large_group", 100, "online", null,
                "{\"date\":\"2026-03-15\",\"start_time\":\"19:00\",\"duration_minutes\":120,\"timezone\":\"Europe/Berlin\"}")).isEmpty();
        assertThat(fields("recurring_fixed", "small_group", 8, "online", null,
                "{\"pattern\":\"weekly\",\"day\":\"tuesday\",\"time\":\"18:00\",\"duration_minutes\":60}")).isEmpty();
        assertThat(fields("recurring_bookable", "one_on_one", null, "online", null,
                "{\"availability\":{\"monday\":[{\"start\":\"09:00\",\"end\":\"12:00\"}]},\"booking_window_days\":14,\"buffer_minutes\":15}"))
                .isEmpty();
        assertThat(fields("multi_day_program", "large_group", 50, "hybrid", "Hall 2",
                "{\"start_date\":\"2026-04-01\",\"end_date\":\"2026-04-03\"}")).isEmpty();
        assertThat(fields("cohort_course", "large_group", 30, "online", null, "{\"start_date\":\"2026-05-04\",\"weeks\":6}")).isEmpty();
        assertThat(fields("retreat", "small_group", 12, "in_person", "Lake house", "{\"start_date\":\"2026-06-01\",\"end_date\":\"2026-06-05\"}"))
                .isEmpty();
    }

    @Test
    void scheduleProblemsAreNamedByPath() {
        assertThat(fields("one_time_event", "unlimited", null, "online", null, "{\"date\":\"15/03/2026\",\"start_time\":\"7pm\"}"))
                .containsExactly("schedule.date", "schedule.start_time", "schedule.duration_minutes");
        assertThat(fields("recurring_fixed", "unlimited", null, "online", null, "{\"pattern\":\"weekly\",\"time\":\"18:00\",\"duration_minutes\":60}"))
                .containsExactly("schedule.day");
        assertThat(fields("recurring_bookable", "one_on_one", null, "online", null,
                "{\"availability\":{\"funday\":[],\"monday\":[{\"start\":\"12:00\",\"end\":\"09:00\"}]},\"booking_window_days\":0}"))
                .containsExactly("schedule.availability.funday", "schedule.availability.monday[0]", "schedule.booking_window_days");
        assertThat(fields("retreat", "small_group", 12, "in_person", "Lake", "{\"start_date\":\"2026-06-05\",\"end_date\":\"2026-06-01\",\"timezone\":\"Mars/Base\"}"))
                .containsExactly("schedule.end_date", "schedule.timezone");
    }

    @Test
    void capacityAndDeliveryMustFitTogether() {
        String event = "{\"date\":\"2026-03-15\",\"start_time\":\"19:00\",\"duration_minutes\":60}";
        assertThat(fields("one_time_event", "one_on_one", 3, "online", null, event)).containsExactly("maxParticipants");
        assertThat(fields("one_time_event", "small_group", null, "online", null, event)).containsExactly("maxParticipants");
        assertThat(fields("one_time_event", "unlimited", 10, "online", null, event)).containsExactly("maxParticipants");
        assertThat(fields("one_time_event", "unlimited", null, "in_person", " ", event)).containsExactly("locationDetails");
        assertThat(fields("retreat", "small_group", 5, "online", null, "{\"start_date\":\"2026-06-01\",\"end_date\":\"2026-06-02\"}"))
                .containsExactly("deliveryMethod");
        assertThat(OfferingRules.check("one_time_event", "unlimited", null, "online", null, json("[]")))
                .extracting(Problem.FieldError::field).containsExactly("schedule");
    }
}
