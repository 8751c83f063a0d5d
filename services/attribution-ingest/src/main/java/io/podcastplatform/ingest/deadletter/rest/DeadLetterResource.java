package io.podcastplatform.ingest.deadletter.rest;

import io.podcastplatform.ingest.deadletter.repository.DeadLetterRepository.StoredDeadLetter;
import io.podcastplatform.ingest.deadletter.service.DeadLetterService;
import io.podcastplatform.ingest.limits.rest.PageSizes;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Input ingest refused, with the reason, and its replay")
public class DeadLetterResource {

    /** One page, newest first; {@code next} is the cursor of the following page, null at the end. */
    public record Page(List<StoredDeadLetter> items, String next) {
    }

    private final DeadLetterService deadLetters;
    private final Callers callers;

    public DeadLetterResource(DeadLetterService deadLetters, Callers callers) {
        this.deadLetters = deadLetters;
        this.callers = callers;
    }

    @GET
    @PermissionsAllowed("events:read")
    @Operation(summary = "The tenant's refused input, newest first, with reasons")
    public Uni<Page> list(@QueryParam("limit") @DefaultValue(PageSizes.DEFAULT)
                          @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = PageSizes.DEFAULT))
                          String limitParameter, @QueryParam("cursor") String cursor) {
        int limit = PageSizes.parse(limitParameter);
        OffsetDateTime beforeTime = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
                beforeTime = OffsetDateTime.parse(parts[0]);
                beforeId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("cursor", "is not a cursor this API gave");
            }
        }
        return deadLetters.page(callers.tenant(), beforeTime, beforeId, limit + 1).map(found -> {
            List<StoredDeadLetter> page = found.size() > limit ? found.subList(0, limit) : found;
            String next = null;
            if (found.size() > limit) {
                StoredDeadLetter last = page.get(page.size() - 1);
                next = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString((last.receivedAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
            }
            return new Page(page, next);
        });
    }

    @POST
    @Path("/{id}/replay")
    @PermissionsAllowed("events:manage")
    @Operation(summary = "Send a refused Tracking API event through the checks again; idempotent")
    public Uni<DeadLetterService.Replay> replay(@PathParam("id") UUID id) {
        return deadLetters.replay(callers.tenant(), id);
    }
}
