package io.podcastplatform.catalog.product.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An affiliate product (seed 004): what it pays, how popular it is, how often it is refunded. */
public record Product(UUID id, UUID tenantId, String clickbankId, String title, String vendor, String category, String description,
                      BigDecimal commissionRate, BigDecimal commissionAmount, BigDecimal initialSaleAmount, BigDecimal gravity,
                      BigDecimal refundRate, boolean rebill, Integer popularityRank, long version, OffsetDateTime lastUpdated,
                      OffsetDateTime createdAt) {
}
