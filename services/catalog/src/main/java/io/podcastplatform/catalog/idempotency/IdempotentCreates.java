package io.podcastplatform.catalog.idempotency;

import io.podcastplatform.events.EventJson;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.Problem;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Creates that honour an {@code Idempotency-Key} header, per tenant: the key is claimed in the same
 * transaction as the create, so a retry after a lost answer gets the first answer again (and no second
 * record), while the key with a different body is refused with 422. Concurrent retries wait on the
 * key's row and then replay.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";

    private final TenantTransactions transactions;

    public IdempotentCreates(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** What a create answers: its location and the view to show. */
    public record Created(String location, Object view) {
    }

    public Uni<Response> create(UUID tenantId, String key, String operation, Object request,
                                Function<SqlConnection, Uni<Created>> work) {
        if (key != null && (key.isBlank() || key.length() > 255)) {
            throw ProblemException.badRequest(HEADER, "must be 1 to 255 characters");
        }
        String fingerprint = fingerprint(operation, request);
        return transactions.inTenant(tenantId, tx -> key == null
                ? work.apply(tx).map(created -> answer(201, created.location(), EventJson.write(created.view()), false))
                : tx.preparedQuery("""
                                INSERT INTO idempotency_key (tenant_id, idempotency_key, operation, request_hash)
                                VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1""")
                        .execute(Tuple.of(tenantId, key, operation, fingerprint))
                        .flatMap(claimed -> claimed.size() == 1
                                ? work.apply(tx).flatMap(created -> remember(tx, tenantId, key, created))
                                : replay(tx, tenantId, key, fingerprint)));
    }

    private Uni<Response> remember(SqlConnection tx, UUID tenantId, String key, Created created) {
        byte[] body = EventJson.write(created.view());
        return tx.preparedQuery("""
                        UPDATE idempotency_key SET response_status = 201, response_body = $3, location = $4
                        WHERE tenant_id = $1 AND idempotency_key = $2""")
                .execute(Tuple.of(tenantId, key, new String(body, StandardCharsets.UTF_8), created.location()))
                .replaceWith(answer(201, created.location(), body, false));
    }

    private Uni<Response> replay(SqlConnection tx, UUID tenantId, String key, String fingerprint) {
        return tx.preparedQuery("""
                        SELECT request_hash, response_status, response_body AS body, location
                        FROM idempotency_key WHERE tenant_id = $1 AND idempotency_key = $2""")
                .execute(Tuple.of(tenantId, key))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (!fingerprint.equals(row.getString("request_hash")) || row.getInteger("response_status") == null) {
                        throw new ProblemException(422, "Idempotency-Key reused",
                                "this Idempotency-Key was used for a different request",
                                List.of(new Problem.FieldError(HEADER, "was used before with another request; use a new key")));
                    }
                    return answer(row.getInteger("response_status"), row.getString("location"),
                            row.getString("body").getBytes(StandardCharsets.UTF_8), true);
                });
    }

    private static Response answer(int status, String location, byte[] body, boolean replayed) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new String(body, StandardCharsets.UTF_8));
        if (location != null) {
            response.location(URI.create(location));
        }
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    private static String fingerprint(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(EventJson.write(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
