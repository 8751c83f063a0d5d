package io.podcastplatform.identity.platform.rest;

import io.podcastplatform.identity.platform.repository.PlatformSettingsRepository;
import io.podcastplatform.identity.platform.service.PlatformSettings;
import io.podcastplatform.security.permission.SystemRoles;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/platform/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Platform", description = "The platform's own branding and contact details")
public class PlatformSettingsResource {

    private final PgPool pool;
    private final TenantTransactions transactions;
    private final PlatformSettingsRepository settings;

    public PlatformSettingsResource(PgPool pool, TenantTransactions transactions, PlatformSettingsRepository settings) {
        this.pool = pool;
        this.transactions = transactions;
        this.settings = settings;
    }

    @GET
    @PermitAll
    @Operation(summary = "Public: what sign-in and landing pages show before anyone is signed in")
    public Uni<PlatformSettings> get() {
        return settings.get(pool);
    }

    @PUT
    @RolesAllowed(SystemRoles.PLATFORM_ADMIN)
    @Operation(summary = "Replace the platform settings (platform administrators)")
    public Uni<PlatformSettings> put(@Valid @NotNull PlatformSettings update) {
        try {
            ZoneId.of(update.timezone());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("timezone", "an IANA time zone such as Europe/Paris");
        }
        return transactions.inPlatformScope(tx -> settings.put(tx, update));
    }
}
