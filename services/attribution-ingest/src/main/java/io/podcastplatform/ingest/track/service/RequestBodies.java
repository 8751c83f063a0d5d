package io.podcastplatform.ingest.track.service;

import io.podcastplatform.web.problem.Problem;
import io.podcastplatform.web.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Request bodies within the per-request limit, gzip-decoded without ever inflating past it. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static byte[] decode(byte[] raw, String contentEncoding, int maxBytes) {
        byte[] body = raw == null ? new byte[0] : raw;
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        switch (encoding) {
            case "identity", "" -> {
                return body;
            }
            case "gzip", "x-gzip" -> {
                return gunzip(body, maxBytes);
            }
            default -> throw new ProblemException(415, "Unsupported Media Type", "Content-Encoding " + contentEncoding
                    + " is not supported; send gzip or nothing", List.of(new Problem.FieldError("Content-Encoding", "must be gzip or absent")));
        }
    }

    private static byte[] gunzip(byte[] body, int maxBytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, body.length * 4 + 64));
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (out.size() + read > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ProblemException(400, "Invalid request", "the body is not valid gzip: " + e.getMessage(),
                    List.of(new Problem.FieldError("body", "is not valid gzip")));
        }
    }

    private static ProblemException tooLarge(int maxBytes) {
        return new ProblemException(413, "Payload Too Large", "the request body is larger than the limit of " + maxBytes
                + " bytes per request (after gzip decompression); send fewer events per batch",
                List.of(new Problem.FieldError("body", "larger than " + maxBytes + " bytes")));
    }
}
