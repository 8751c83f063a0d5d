package io.podcastplatform.catalog.product.service;

import java.math.BigDecimal;

/** A product as a create or a CSV row gives it, checked. */
public record ProductRow(String clickbankId, String title, String vendor, String category, String description,
                         BigDecimal commissionRate, BigDecimal commissionAmount, BigDecimal initialSaleAmount, BigDecimal gravity,
                         BigDecimal refundRate, boolean rebill, Integer popularityRank) {
}
