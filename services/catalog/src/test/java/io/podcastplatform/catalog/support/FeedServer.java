package io.podcastplatform.catalog.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server for feeds, on every local address (so both 127.0.0.1, which tests allow, and
 * 127.0.0.2, which stays refused, reach it). Feeds answer with an ETag and honour If-None-Match.
 */
public final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> feeds = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();
    private final AtomicInteger notModified = new AtomicInteger();

    public FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public String urlOn(String host, String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    public void feed(String path, String xml) {
        feeds.put(path, xml);
    }

    public void redirect(String path, String location) {
        redirects.put(path, location);
    }

    public int requests(String path) {
        return requests.getOrDefault(path, 0);
    }

    public int notModifiedAnswers() {
        return notModified.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.merge(path, 1, Integer::sum);
        try {
            if (redirects.containsKey(path)) {
                exchange.getResponseHeaders().add("Location", redirects.get(path));
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            if (path.startsWith("/slow")) {
                sleep(30_000);
                return;
            }
            if (path.startsWith("/huge")) {
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = "<!-- padding padding padding padding padding padding padding -->\n".repeat(1000)
                        .getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 2_000; i++) {
                        out.write(chunk);
                    }
                } catch (IOException closedByTheClient) {
                    // the importer hangs up once the cap is reached
                }
                return;
            }
            String xml = feeds.get(path);
            if (xml == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + Integer.toHexString(xml.hashCode()) + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = xml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } finally {
            exchange.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
