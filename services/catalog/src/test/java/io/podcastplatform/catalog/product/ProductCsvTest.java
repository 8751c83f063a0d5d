package io.podcastplatform.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podcastplatform.catalog.product.service.Csv;
import io.podcastplatform.catalog.product.service.ProductCsv;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductCsvTest {

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        List<List<String>> records = Csv.parse("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n1,,3");

        assertThat(records).containsExactly(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\nlines"), List.of("1", "", "3"));
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        assertThatThrownBy(() -> Csv.parse("a,b\n\"open,2\n3,4")).hasMessageContaining("line 2");
    }

    @Test
    void rowsAreReadByColumnNameAndTheLastRowOfAnIdWins() {
        ProductCsv.Result result = ProductCsv.read("""
                title,clickbank_id,vendor,gravity,commission_rate,refund_rate,rebill,popularity_rank
                Keto Plan,KETO1,ketoinc,152.35,75%,4.5,yes,3
                Keto Plan v2,KETO1,ketoinc,160,75,4.5,no,
                Guitar,GTR,guitarco,,$50,,,
                """);

        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0).title()).isEqualTo("Keto Plan v2");
        assertThat(result.rows().get(0).gravity()).isEqualByComparingTo(new BigDecimal("160"));
        assertThat(result.rows().get(0).rebill()).isFalse();
        assertThat(result.rows().get(1).commissionRate()).isEqualByComparingTo(new BigDecimal("50"));
    }

    @Test
    void everyBadCellIsNamedAndNothingIsKept() {
        ProductCsv.Result result = ProductCsv.read("""
                clickbank_id,title,vendor,gravity,refund_rate,rebill
                OK1,Fine,v,1,1,true
                ,Missing id,v,abc,101,maybe
                """);

        assertThat(result.rows()).isEmpty();
        assertThat(result.errors()).extracting(error -> error.field())
                .containsExactly("rows[2].clickbank_id", "rows[2].gravity", "rows[2].refund_rate", "rows[2].rebill");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefused() {
        assertThat(ProductCsv.read("title,price\nX,1").errors()).extracting(error -> error.field())
                .contains("header[1]", "header");
    }
}
