package io.podcastplatform.bench.ingest;

/**
 * Load generator of the attribution-ingest benchmark; {@code services/attribution-ingest/bench/run.sh}
 * drives it. Sub-commands: {@code tenant} (announce a fresh tenant and write key), {@code await-consumer}
 * (the service's persisting consumer owns its partitions), {@code payloads} / {@code copy-rows} (inputs
 * of the raw Kafka and COPY limits), {@code batch} (batch throughput and persisted rate) and
 * {@code open-loop} (pixel or redirect at a fixed rate). Measurements are printed as
 * {@code RESULT name=value} lines.
 */
public final class IngestLoad {

    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: IngestLoad tenant|await-consumer|payloads|copy-rows|batch|open-loop --name value ...");
            System.exit(2);
        }
        Options options = new Options(args, 1);
        switch (args[0]) {
            case "tenant" -> BenchTenant.create(options);
            case "await-consumer" -> ConsumerGroups.awaitAssigned(options);
            case "payloads" -> RawInputs.payloads(options);
            case "copy-rows" -> RawInputs.copyRows(options);
            case "batch" -> BatchLoad.run(options);
            case "open-loop" -> OpenLoop.run(options);
            default -> {
                System.err.println("unknown sub-command " + args[0]);
                System.exit(2);
            }
        }
        // the HTTP client's and Kafka's non-daemon threads must not keep the JVM alive
        System.exit(0);
    }
}
