package io.podcastplatform.bench.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection: GET requests whose answer the open loop only needs the status of (the body
 * is skipped), and POSTs of prepared bodies whose answer is read (the batch load). Content-Length or chunked
 * answers; reconnects after a failure or a {@code Connection: close}. Allocates little, so the measuring JVM hardly
 * collects garbage, and costs the box far less CPU than {@code java.net.http.HttpClient}, whose selector thread and
 * copies took ~3 CPU-seconds per 300,000 batch events on the cores being measured (2026-12-06).
 */
final class KeepAliveConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private final byte[] head = new byte[16_384];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The answer's status, or -1 when the request failed (connection refused, reset, timed out, malformed answer). */
    int get(String pathAndQuery, String userAgent) {
        try {
            if (socket == null) {
                connect();
            }
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUser-Agent: " + userAgent
                    + "\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readAnswer(null);
        } catch (IOException | RuntimeException e) {
            close();
            return -1;
        }
    }

    /** An answer's status (-1 when the request failed) and body. */
    record Answer(int status, String body) {
    }

    /** POSTs a body with the given headers (each {@code "Name: value"}); the answer with its body. */
    Answer post(String path, byte[] body, String... headers) {
        try {
            if (socket == null) {
                connect();
            }
            StringBuilder request = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                    .append(':').append(port).append("\r\nContent-Length: ").append(body.length).append("\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream(256);
            int status = readAnswer(answer);
            return new Answer(status, answer.toString(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            close();
            return new Answer(-1, e.getClass().getSimpleName());
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
        out = socket.getOutputStream();
    }

    /** Reads an answer's head and body; the body goes to {@code sink}, or is skipped when it is null. */
    private int readAnswer(ByteArrayOutputStream sink) throws IOException {
        int length = 0;
        while (length < 4 || head[length - 4] != '\r' || head[length - 3] != '\n' || head[length - 2] != '\r' || head[length - 1] != '\n') {
            int b = in.read();
            if (b < 0 || length == head.length) {
                throw new IOException("connection closed or head too long");
            }
            head[length++] = (byte) b;
        }
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(text.substring(9, 12));
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            readChunked(sink);
        } else {
            int at = lower.indexOf("\r\ncontent-length:");
            if (at >= 0) {
                int end = lower.indexOf("\r\n", at + 2);
                consume(Long.parseLong(lower.substring(at + 17, end).trim()), sink);
            }
        }
        if (lower.contains("\r\nconnection: close")) {
            close();
        }
        return status;
    }

    private void readChunked(ByteArrayOutputStream sink) throws IOException {
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return;
            }
            consume(size, sink);
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in a chunked body");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** Reads {@code bytes} of a body into {@code sink}, or skips them when it is null. */
    private void consume(long bytes, ByteArrayOutputStream sink) throws IOException {
        if (sink != null) {
            byte[] read = in.readNBytes((int) bytes);
            if (read.length < bytes) {
                throw new IOException("connection closed in a body");
            }
            sink.write(read);
            return;
        }
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed in a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
