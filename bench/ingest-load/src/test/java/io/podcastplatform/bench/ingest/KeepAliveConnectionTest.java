package io.podcastplatform.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeepAliveConnectionTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/batch", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            byte[] answer = ("{\"accepted\": " + body.length() + "}").getBytes(StandardCharsets.UTF_8);
            boolean chunked = body.startsWith("chunked");
            exchange.sendResponseHeaders(body.isEmpty() ? 400 : 200, chunked ? 0 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsBodiesOverOneConnectionAndReadsEachAnswer() {
        try (KeepAliveConnection connection = new KeepAliveConnection("127.0.0.1", server.getAddress().getPort())) {
            KeepAliveConnection.Answer first = connection.post("/v1/batch", "12345".getBytes(StandardCharsets.UTF_8),
                    "Content-Type: application/json", "Authorization: Basic a2V5Og==");
            KeepAliveConnection.Answer chunked = connection.post("/v1/batch", "chunked answer".getBytes(StandardCharsets.UTF_8),
                    "Authorization: Basic b3RoZXI6");
            KeepAliveConnection.Answer refused = connection.post("/v1/batch", new byte[0]);

            assertThat(first).isEqualTo(new KeepAliveConnection.Answer(200, "{\"accepted\": 5}"));
            assertThat(chunked).isEqualTo(new KeepAliveConnection.Answer(200, "{\"accepted\": 14}"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(received).containsExactly("Basic a2V5Og== 12345", "Basic b3RoZXI6 chunked answer", "null ");
        }
    }

    @Test
    void aRefusedConnectionIsAFailedRequest() throws IOException {
        int closedPort;
        try (java.net.ServerSocket unused = new java.net.ServerSocket(0)) {
            closedPort = unused.getLocalPort();
        }
        try (KeepAliveConnection connection = new KeepAliveConnection("127.0.0.1", closedPort)) {
            assertThat(connection.post("/v1/batch", new byte[] {1}).status()).isEqualTo(-1);
        }
    }
}
