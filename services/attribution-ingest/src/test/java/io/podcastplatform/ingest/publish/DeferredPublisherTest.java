package io.podcastplatform.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podcastplatform.ingest.enrich.TestConfigs;
import io.podcastplatform.ingest.publish.messaging.DeferredPublisher;
import io.podcastplatform.ingest.publish.messaging.IngestPublisher;
import io.podcastplatform.ingest.publish.messaging.OutgoingEvent;
import io.podcastplatform.messaging.MessagingConfig;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeferredPublisherTest {

    /** A broker that is down for the first attempts, then takes everything. */
    static final class FlakyBroker extends IngestPublisher {

        final Set<UUID> received = ConcurrentHashMap.newKeySet();
        final AtomicInteger failuresLeft;

        FlakyBroker(int failures) {
            super(null, null, config(), new SimpleMeterRegistry());
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public Uni<Void> publishAll(List<OutgoingEvent> events) {
            if (failuresLeft.getAndDecrement() > 0) {
                return Uni.createFrom().failure(new IllegalStateException("broker unreachable"));
            }
            events.forEach(event -> received.add(event.id()));
            return Uni.createFrom().voidItem();
        }

        private static MessagingConfig config() {
            return (MessagingConfig) java.lang.reflect.Proxy.newProxyInstance(MessagingConfig.class.getClassLoader(),
                    new Class<?>[] {MessagingConfig.class}, (proxy, method, args) -> "source".equals(method.getName()) ? "/test" : null);
        }
    }

    private static OutgoingEvent event() {
        UUID id = UUID.randomUUID();
        return new OutgoingEvent("ingest.download-request.v1", "k", "t", id, UUID.randomUUID(), "{}");
    }

    private static void start(DeferredPublisher publisher) throws Exception {
        observe(publisher, "start", new io.quarkus.runtime.StartupEvent());
    }

    /** Delivers a lifecycle event to the publisher's (package-private) observer method {@code name}. */
    private static void observe(DeferredPublisher publisher, String name, Object event) throws Exception {
        Method observer = DeferredPublisher.class.getDeclaredMethod(name, event.getClass());
        observer.setAccessible(true);
        observer.invoke(publisher, event);
    }

    @Test
    void bufferedEventsArriveOnceTheBrokerIsBack() throws Exception {
        FlakyBroker broker = new FlakyBroker(3);
        DeferredPublisher publisher = new DeferredPublisher(broker, TestConfigs.config(List.of()), new SimpleMeterRegistry());
        List<OutgoingEvent> events = java.util.stream.Stream.generate(DeferredPublisherTest::event).limit(700).toList();
        events.forEach(event -> assertThat(publisher.offer(event)).isTrue());

        start(publisher);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(broker.received).hasSize(700));
        assertThat(broker.received).containsAll(events.stream().map(OutgoingEvent::id).toList());
    }

    private static void stop(DeferredPublisher publisher) throws Exception {
        observe(publisher, "stop", new io.quarkus.runtime.ShutdownEvent());
    }

    @Test
    void aGracefulStopPublishesWhatTheBufferHoldsBeforeItReturns() throws Exception {
        FlakyBroker broker = new FlakyBroker(1);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeferredPublisher publisher = new DeferredPublisher(broker, TestConfigs.config(List.of()), registry);
        start(publisher);
        List<OutgoingEvent> events = java.util.stream.Stream.generate(DeferredPublisherTest::event).limit(900).toList();
        events.forEach(event -> assertThat(publisher.offer(event)).isTrue());

        stop(publisher);

        assertThat(broker.received).containsExactlyInAnyOrderElementsOf(events.stream().map(OutgoingEvent::id).toList());
        assertThat(registry.counter("ingest.buffer.lost.on.stop").count()).isZero();
    }

    @Test
    void aStopWithTheBrokerStillDownGivesUpAfterItsDrainTimeAndCountsTheLoss() throws Exception {
        FlakyBroker broker = new FlakyBroker(Integer.MAX_VALUE);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeferredPublisher publisher = new DeferredPublisher(broker, TestConfigs.config(List.of()), registry);
        start(publisher);
        for (int i = 0; i < 300; i++) {
            assertThat(publisher.offer(event())).isTrue();
        }

        stop(publisher);

        assertThat(broker.received).isEmpty();
        assertThat(registry.counter("ingest.buffer.lost.on.stop").count()).isEqualTo(300);
    }

    @Test
    void pastTheCapacityEventsAreDroppedAndCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeferredPublisher publisher = new DeferredPublisher(new FlakyBroker(0), TestConfigs.config(List.of()), registry);

        for (int i = 0; i < 1000; i++) {
            assertThat(publisher.offer(event())).isTrue();
        }
        assertThat(publisher.offer(event())).isFalse();
        assertThat(registry.counter("ingest.buffer.dropped").count()).isEqualTo(1.0);
        assertThat(registry.get("ingest.buffer.size").gauge().value()).isEqualTo(1000.0);
    }
}
