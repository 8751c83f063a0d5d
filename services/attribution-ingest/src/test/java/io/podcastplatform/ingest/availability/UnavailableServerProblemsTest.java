package io.podcastplatform.ingest.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.podcastplatform.ingest.availability.rest.UnavailableServerProblems;
import io.podcastplatform.web.problem.Problem;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** PostgreSQL out of reach is a 503 the client retries; a real database error stays a 500. */
class UnavailableServerProblemsTest {

    private final UnavailableServerProblems problems = new UnavailableServerProblems();

    @Test
    void aRefusedConnectionIsA503ProblemWithRetryAfter() {
        var response = problems.unreachable(new ConnectException("Connection refused: /127.0.0.1:5432"), null);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(((Problem) response.getEntity()).detail()).contains("send the request again");
    }

    @Test
    void aConnectionResetByACrashedDatabaseIsA503() {
        assertThat(problems.connectionReset(new SocketException("Connection reset"), null).getStatus()).isEqualTo(503);
    }

    @Test
    void aClosedConnectionIsA503() {
        assertThat(problems.connectionLost(ClosedConnectionException.INSTANCE, null).getStatus()).isEqualTo(503);
    }

    @Test
    void aDatabaseStartingUpOrInRecoveryIsA503() {
        assertThat(problems.database(new PgException("the database system is starting up", "FATAL", "57P03", null), null).getStatus())
                .isEqualTo(503);
        assertThat(problems.database(new PgException("terminating connection due to administrator command", "FATAL", "57P01", null), null)
                .getStatus()).isEqualTo(503);
        assertThat(problems.database(new PgException("too many connections", "FATAL", "53300", null), null).getStatus()).isEqualTo(503);
    }

    @Test
    void anyOtherDatabaseErrorIsStillA500() {
        assertThat(problems.database(new PgException("duplicate key", "ERROR", "23505", null), null).getStatus()).isEqualTo(500);
    }
}
