package io.podcastplatform.ingest.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podcastplatform.ingest.offline.service.OfflineRows;
import io.podcastplatform.web.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineRowsTest {

    private static List<OfflineRows.Row> read(String body, String type, int maxRows) {
        return OfflineRows.read(body.getBytes(StandardCharsets.UTF_8), type, maxRows);
    }

    @Test
    void csvWithQuotedFieldsAndCrLfBecomesNamedFields() {
        List<OfflineRows.Row> rows = read("Order_ID,occurred_at,value,currency,note\r\n"
                + "A-1,2026-11-20T10:00:00Z,12.50,EUR,\"a, \"\"quoted\"\"\nnote\"\r\n"
                + "\r\n"
                + "A-2,2026-11-20T11:00:00Z,3,usd,\n"
                + "A-3,too,few\n", "text/csv; charset=utf-8", 10);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).number()).isEqualTo(1);
        assertThat(rows.get(0).fields()).containsEntry("order_id", "A-1").containsEntry("note", "a, \"quoted\"\nnote");
        assertThat(rows.get(1).fields()).containsEntry("currency", "usd").doesNotContainKey("note");
        assertThat(rows.get(2).fields()).isNull();
        assertThat(rows.get(2).unreadable()).isEqualTo("has 3 fields, the header has 5");
    }

    @Test
    void jsonLinesKeepNumbersExactAndNameUnreadableLines() {
        List<OfflineRows.Row> rows = read("{\"order_id\":\"B-1\",\"value\":19.99}\n\nnot json\n[1]\n{\"order_id\":{\"x\":1}}\n",
                "application/x-ndjson", 10);

        assertThat(rows).extracting(OfflineRows.Row::number).containsExactly(1, 2, 3, 4);
        assertThat(rows.get(0).fields()).containsEntry("value", "19.99");
        assertThat(rows.get(1).unreadable()).isEqualTo("line is not valid JSON");
        assertThat(rows.get(2).unreadable()).isEqualTo("line is not a JSON object");
        assertThat(rows.get(3).unreadable()).isEqualTo("order_id: must be a string or a number");
    }

    @Test
    void tooManyRowsOtherMediaTypesEmptyBodiesAndBadUtf8AreProblems() {
        assertThatThrownBy(() -> read("order_id\n1\n2\n3\n", "text/csv", 2))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> read("{}", "application/json", 2)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> read("order_id\n", "text/csv", 2)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> OfflineRows.read(new byte[] {'a', (byte) 0xC3, '\n'}, "text/csv", 2)).isInstanceOf(ProblemException.class);
    }
}
