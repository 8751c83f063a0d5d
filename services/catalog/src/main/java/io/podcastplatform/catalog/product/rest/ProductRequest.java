package io.podcastplatform.catalog.product.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Body of {@code POST /v1/products}. */
public record ProductRequest(
        @NotBlank @Size(max = 100) String clickbankId,
        @NotBlank @Size(max = 500) String title,
        @NotBlank @Size(max = 255) String vendor,
        @Size(max = 255) String category,
        @Size(max = 20000) String description,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal commissionRate,
        @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal commissionAmount,
        @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal initialSaleAmount,
        @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal gravity,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal refundRate,
        Boolean rebill,
        @Min(1) Integer popularityRank) {
}
