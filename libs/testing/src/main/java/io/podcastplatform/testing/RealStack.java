package io.podcastplatform.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the real servers of the test run are. The defaults are what {@code deploy/local/test.sh}
 * starts; each can be moved with an environment variable of the same name as the services use.
 */
public final class RealStack {

    public static final String START_HINT = "start the stack with deploy/local/test.sh (which runs the tests) "
            + "or deploy/local/up.sh --infra-only";

    public static final String DB_HOST = env("DB_HOST", "127.0.0.1");
    public static final int DB_PORT = Integer.parseInt(env("DB_PORT", "5432"));
    /** Tests use their own database so a local run's data is never touched. */
    public static final String TEST_DB_NAME = env("TEST_DB_NAME", "platform_test");
    public static final String KAFKA_BOOTSTRAP_SERVERS = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    public static final String OIDC_AUTH_SERVER_URL = env("OIDC_AUTH_SERVER_URL", "http://127.0.0.1:8180/realms/podcast-platform");

    private RealStack() {
    }

    /** Fails with a message naming every unreachable server and how to start them. */
    public static void requireReachable(Server... servers) {
        List<String> missing = new ArrayList<>();
        for (Server server : servers) {
            if (!reachable(server.host(), server.port())) {
                missing.add(server.label() + " on " + server.host() + ":" + server.port());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The tests need the real servers, and these do not answer: "
                    + String.join(", ", missing) + ". " + START_HINT + ".");
        }
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + DB_HOST + ":" + DB_PORT + "/" + database;
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A server the tests need. */
    public enum Server {
        POSTGRESQL("PostgreSQL", DB_HOST, DB_PORT),
        KAFKA("Kafka", hostOf(KAFKA_BOOTSTRAP_SERVERS), portOf(KAFKA_BOOTSTRAP_SERVERS)),
        KEYCLOAK("Keycloak", hostOf(OIDC_AUTH_SERVER_URL.replaceFirst("^https?://", "")), portOf(OIDC_AUTH_SERVER_URL.replaceFirst("^https?://", "")));

        private final String label;
        private final String host;
        private final int port;

        Server(String label, String host, int port) {
            this.label = label;
            this.host = host;
            this.port = port;
        }

        public String label() {
            return label;
        }

        public String host() {
            return host;
        }

        public int port() {
            return port;
        }

        private static String hostOf(String address) {
            String first = address.split(",")[0];
            return first.substring(0, first.lastIndexOf(':'));
        }

        private static int portOf(String address) {
            String first = address.split(",")[0].split("/")[0];
            return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
        }
    }
}
