package io.podcastplatform.catalog.feed.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Fetches a feed without trusting its URL: every hop's host is resolved here, each address is checked
 * by the {@link AddressPolicy} and the connection goes to exactly the checked address (no second DNS
 * lookup an attacker could answer differently). Redirects are followed here, a limited number of
 * times, each checked like the first. The body streams in under a size cap; connect, read and total
 * time are bounded. Nothing blocks the event loop: DNS runs on a worker thread, I/O on Vert.x.
 */
@ApplicationScoped
public class FeedFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final FeedConfig config;
    private final AddressPolicy policy;
    private final HttpClient client;

    public FeedFetcher(FeedConfig config, Vertx vertx) {
        this.config = config;
        this.policy = new AddressPolicy(config.allowedPrivateRanges().orElse(java.util.List.of()));
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(false)
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxPoolSize(8));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** GETs {@code url}, conditionally when validators of the previous import are given. */
    public Uni<FetchedFeed> fetch(String url, String etag, String lastModified) {
        long totalSeconds = config.totalTimeout().toSeconds();
        return hop(parse(url), etag, lastModified, 0)
                .ifNoItem().after(config.totalTimeout())
                .failWith(() -> new FeedFetchException("the feed took longer than " + totalSeconds + " s to download"));
    }

    private Uni<FetchedFeed> hop(URI uri, String etag, String lastModified, int redirects) {
        return resolve(uri.getHost()).flatMap(address -> Uni.createFrom().completionStage(
                        () -> request(uri, address, etag, lastModified).toCompletionStage()))
                .flatMap(answer -> {
                    if (answer.redirectTo() == null) {
                        return Uni.createFrom().item(answer.feed());
                    }
                    if (redirects >= config.maxRedirects()) {
                        return Uni.createFrom().failure(new FeedFetchException(
                                "the feed redirected more than " + config.maxRedirects() + " times"));
                    }
                    URI next;
                    try {
                        next = parse(uri.resolve(answer.redirectTo().strip()).toString());
                    } catch (IllegalArgumentException e) {
                        return Uni.createFrom().failure(new FeedFetchException("the feed redirected to an invalid URL"));
                    }
                    return hop(next, etag, lastModified, redirects + 1);
                });
    }

    /** Resolves on a worker thread (DNS lookups block) and refuses if any address is internal. */
    private Uni<InetAddress> resolve(String host) {
        return Uni.createFrom().item(() -> {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new FeedFetchException("the feed's host " + host + " was not found");
            }
            for (InetAddress address : addresses) {
                if (!policy.permits(address)) {
                    throw new FeedFetchException("refused to fetch from " + host + ": it resolves to " + address.getHostAddress()
                            + ", a loopback, private, link-local or metadata address");
                }
            }
            return Arrays.stream(addresses).findFirst().orElseThrow(
                    () -> new FeedFetchException("the feed's host " + host + " has no address"));
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Future<Answer> request(URI uri, InetAddress address, String etag, String lastModified) {
        boolean tls = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(path)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.readTimeout().toMillis())
                .putHeader(HttpHeaders.USER_AGENT, config.userAgent())
                .putHeader(HttpHeaders.ACCEPT, "application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
        if (etag != null) {
            options.putHeader(HttpHeaders.IF_NONE_MATCH, etag);
        }
        if (lastModified != null) {
            options.putHeader(HttpHeaders.IF_MODIFIED_SINCE, lastModified);
        }
        return client.request(options)
                .compose(request -> request.send().compose(response -> read(uri, response)))
                .recover(failure -> Future.failedFuture(failure instanceof FeedFetchException ? failure : explain(uri, failure)));
    }

    private Future<Answer> read(URI uri, HttpClientResponse response) {
        int status = response.statusCode();
        if (REDIRECTS.contains(status)) {
            String location = response.getHeader(HttpHeaders.LOCATION);
            response.request().reset();
            if (location == null || location.isBlank()) {
                return Future.failedFuture(new FeedFetchException("the feed answered HTTP " + status + " without a Location"));
            }
            return Future.succeededFuture(new Answer(null, location));
        }
        if (status == 304) {
            response.request().reset();
            return Future.succeededFuture(new Answer(new FetchedFeed(true, new byte[0], response.getHeader(HttpHeaders.ETAG),
                    response.getHeader(HttpHeaders.LAST_MODIFIED), uri.toString()), null));
        }
        if (status < 200 || status > 299) {
            response.request().reset();
            return Future.failedFuture(new FeedFetchException("the feed answered HTTP " + status));
        }
        String declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > config.maxBytes()) {
            response.request().reset();
            return Future.failedFuture(tooLarge());
        }
        Promise<Answer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + (long) chunk.length() > config.maxBytes()) {
                // fail first: the reset reports itself to the exception handler, which must not win
                done.tryFail(tooLarge());
                response.handler(null);
                response.request().reset();
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(failure -> done.tryFail(explain(uri, failure)));
        response.endHandler(end -> done.tryComplete(new Answer(new FetchedFeed(false, body.getBytes(),
                response.getHeader(HttpHeaders.ETAG), response.getHeader(HttpHeaders.LAST_MODIFIED), uri.toString()), null)));
        return done.future();
    }

    private FeedFetchException tooLarge() {
        return new FeedFetchException("the feed is larger than " + config.maxBytes() / (1024 * 1024) + " MB");
    }

    private FeedFetchException explain(URI uri, Throwable failure) {
        String kind = failure.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        if (kind.contains("timeout")) {
            return new FeedFetchException("the feed at " + uri.getHost() + " did not answer in time (" + failure.getMessage() + ")");
        }
        if (kind.contains("connect")) {
            return new FeedFetchException("could not connect to " + uri.getHost() + " (" + failure.getMessage() + ")");
        }
        if (kind.contains("ssl")) {
            return new FeedFetchException("TLS with " + uri.getHost() + " failed (" + failure.getMessage() + ")");
        }
        return new FeedFetchException("fetching the feed from " + uri.getHost() + " failed ("
                + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")");
    }

    /** A feed URL as this service accepts it: absolute http(s) with a host. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("must name a host");
        }
        return uri;
    }

    /** Either the feed or where the server sent us instead. */
    private record Answer(FetchedFeed feed, String redirectTo) {
    }
}
