package io.podcastplatform.ingest.enrich;

import io.podcastplatform.ingest.IngestConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An {@link IngestConfig} with the defaults of application.properties, for unit tests of pure logic. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static IngestConfig config(List<String> trustedProxies) {
        return new IngestConfig() {
            public Limits limits() {
                return new Limits() {
                    public int maxEventBytes() {
                        return 32768;
                    }

                    public int maxRequestBytes() {
                        return 512000;
                    }
                };
            }

            public Clock clock() {
                return new Clock() {
                    public Duration maxFuture() {
                        return Duration.ofHours(1);
                    }

                    public Duration maxAge() {
                        return Duration.ofDays(30);
                    }

                    public Duration dedupWindow() {
                        return Duration.ofDays(35);
                    }

                    public Duration dedupCleanupInterval() {
                        return Duration.ofHours(1);
                    }
                };
            }

            public Client client() {
                return new Client() {
                    public Optional<List<String>> trustedProxies() {
                        return Optional.of(trustedProxies);
                    }

                    public String ipHashSecret() {
                        return "unit-test-secret-0123456789";
                    }

                    public Duration householdHashRotation() {
                        return Duration.ofDays(90);
                    }

                    public Optional<String> geoipDatabase() {
                        return Optional.empty();
                    }

                    public Optional<String> userAgentsDirectory() {
                        return Optional.empty();
                    }
                };
            }

            public Partitions partitions() {
                return () -> Duration.ofHours(1);
            }

            public Integrations integrations() {
                return new Integrations() {
                    public String secretKey() {
                        return "unit-test-integration-key-0123456789";
                    }

                    public Duration timestampTolerance() {
                        return Duration.ofMinutes(5);
                    }
                };
            }

            public Quota quota() {
                return () -> Duration.ofSeconds(5);
            }

            public Buffer buffer() {
                return new Buffer() {
                    public int capacity() {
                        return 1000;
                    }

                    public Duration drainOnStop() {
                        return Duration.ofSeconds(2);
                    }
                };
            }

            public Publish publish() {
                return () -> Duration.ofSeconds(15);
            }

            @Override
            public Persist persist() {
                return new Persist() {
                    @Override
                    public int rowsPerStatement() {
                        return 2000;
                    }

                    @Override
                    public int parallelStatements() {
                        return 2;
                    }
                };
            }
        };
    }
}
