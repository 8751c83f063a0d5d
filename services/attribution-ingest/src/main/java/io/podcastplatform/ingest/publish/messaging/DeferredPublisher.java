package io.podcastplatform.ingest.publish.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.podcastplatform.ingest.IngestConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * For requests that answer before the broker does (the download redirect, the pixel): events wait in a
 * bounded in-memory queue ({@code ingest.buffer.capacity}, default 50,000 events, roughly 1 KB each) and
 * one thread publishes them in chunks, retrying a chunk until the broker takes it, so a Kafka outage
 * delays them but does not lose them. Past the capacity new events are dropped and counted
 * ({@code ingest_buffer_dropped_total}). A graceful stop (a rolling deploy's SIGTERM, after the HTTP server
 * has finished its requests) keeps publishing until the buffer is empty or {@code ingest.buffer.drain-on-stop}
 * has passed; a process that dies, or a broker still down past that time, loses what is left (logged, counted
 * in {@code ingest_buffer_lost_on_stop_total}). A chunk retried after a partial success is stored once all the
 * same: consumers de-duplicate by event id.
 */
@ApplicationScoped
public class DeferredPublisher {

    private static final Logger LOG = Logger.getLogger(DeferredPublisher.class);
    private static final int CHUNK = 500;
    /**
     * How long a chunk gathers events before it is sent (unless it fills first). The producer compresses each
     * partition's batch with a fresh 128 KB LZ4 buffer: chunks sent as the events trickled in made batches of
     * one or two records, about 150 MB/s of garbage at 2,000 pixels or redirects per second and GC pauses of
     * 30-160 ms on the answering threads (bench/run.sh, JFR). The events wait this much longer for the broker;
     * the requests that made them were answered already.
     */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final IngestPublisher publisher;
    private final BlockingQueue<OutgoingEvent> queue;
    private final Counter dropped;
    private final Counter lostOnStop;
    private final Duration drainOnStop;
    private volatile boolean running = true;
    /** Set by a graceful stop: chunks no longer wait to gather, and the worker ends once the buffer is empty. */
    private volatile boolean stopping;
    /** Events of the chunk being published (counted as lost by a stop that gives up on them). */
    private volatile int inFlight;
    private Thread worker;

    public DeferredPublisher(IngestPublisher publisher, IngestConfig config, MeterRegistry registry) {
        this.publisher = publisher;
        this.queue = new ArrayBlockingQueue<>(config.buffer().capacity());
        this.drainOnStop = config.buffer().drainOnStop();
        this.dropped = registry.counter("ingest.buffer.dropped");
        this.lostOnStop = registry.counter("ingest.buffer.lost.on.stop");
        registry.gaugeCollectionSize("ingest.buffer.size", List.of(), queue);
    }

    /** Never blocks; false (and counted) when the buffer is full. */
    public boolean offer(OutgoingEvent event) {
        boolean taken = queue.offer(event);
        if (!taken) {
            dropped.increment();
        }
        return taken;
    }

    void start(@Observes StartupEvent start) {
        worker = new Thread(this::drain, "ingest-deferred-publisher");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        stopping = true;
        if (worker != null) {
            worker.join(drainOnStop.toMillis());
        }
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
        int left = queue.size() + inFlight;
        if (left > 0) {
            lostOnStop.increment(left);
            LOG.warnf("stopped with %d buffered events not published within %s", left, drainOnStop);
        }
    }

    /**
     * Adds what arrives within {@link #GATHER_NANOS} of the chunk's first event, up to {@link #CHUNK}; looks
     * every few milliseconds rather than waking up for every event offered.
     */
    private void gather(List<OutgoingEvent> chunk) throws InterruptedException {
        long deadline = System.nanoTime() + GATHER_NANOS;
        while (running && !stopping && queue.size() < CHUNK - chunk.size()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 10));
        }
        queue.drainTo(chunk, CHUNK - chunk.size());
    }

    private void drain() {
        List<OutgoingEvent> chunk = new ArrayList<>(CHUNK);
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                if (chunk.isEmpty()) {
                    if (stopping && queue.isEmpty()) {
                        return;
                    }
                    OutgoingEvent first = queue.poll(stopping ? 10 : 1000, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    chunk.add(first);
                    gather(chunk);
                    inFlight = chunk.size();
                }
                publisher.publishAll(chunk).await().atMost(Duration.ofSeconds(60));
                chunk.clear();
                inFlight = 0;
                backoff = Duration.ofMillis(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%d buffered events not yet published (%d waiting), retrying in %s: %s", chunk.size(), queue.size(), backoff, e.toString());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
    }
}
