package io.podcastplatform.catalog.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.podcastplatform.catalog.support.TenantCaller;
import io.podcastplatform.testing.RealStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Affiliate products and their CSV import through the real API. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class ProductsApiIT {

    private static final String CSV = """
            clickbank_id,title,vendor,category,commission_rate,commission_amount,initial_sale_amount,gravity,refund_rate,rebill,popularity_rank
            KETO1,Keto Plan,ketoinc,health,75,37.00,49.00,152.35,4.5,true,1
            GTR2,"Guitar, Complete",guitarco,music,50,20,40,30.1,2,false,2
            """;

    @Test
    void aCsvImportCreatesThenUpdatesByClickbankId() {
        TenantCaller caller = TenantCaller.fresh();

        caller.request().contentType("text/csv").body(CSV).when().post("/v1/products/import").then().statusCode(200)
                .body("created", equalTo(2)).body("updated", equalTo(0));
        caller.request().contentType("text/csv").body(CSV.replace("152.35", "160.00")).when().post("/v1/products/import").then()
                .statusCode(200).body("created", equalTo(0)).body("updated", equalTo(2));

        caller.request().queryParam("category", "health").when().get("/v1/products").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].gravity", equalTo(160.0f)).body("items[0].rebill", equalTo(true))
                .body("items[0].refundRate", equalTo(4.5f));
        caller.request().queryParam("category", "music").when().get("/v1/products").then().statusCode(200)
                .body("items[0].title", equalTo("Guitar, Complete"));
    }

    @Test
    void aBadCsvNamesEveryBadCellAndImportsNothing() {
        TenantCaller caller = TenantCaller.fresh();

        caller.request().contentType("text/csv").body(CSV + "BAD3,Bad,vendor,x,150,,,-1,,perhaps,0\n")
                .when().post("/v1/products/import").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("rows[3].commission_rate", "rows[3].gravity", "rows[3].rebill",
                        "rows[3].popularity_rank")));
        caller.request().when().get("/v1/products").then().statusCode(200).body("items", hasSize(0));
        caller.request().contentType("text/csv").body("").when().post("/v1/products/import").then().statusCode(400);
    }

    @Test
    void productsAreCreatedOnceAndStayInTheirTenant() {
        TenantCaller caller = TenantCaller.fresh();
        TenantCaller stranger = TenantCaller.fresh();
        String body = "{\"clickbankId\":\"VPN9\",\"title\":\"VPN\",\"vendor\":\"vpnco\",\"commissionRate\":40,\"gravity\":12.5}";

        String id = caller.request().body(body).when().post("/v1/products").then().statusCode(201).extract().path("id");
        caller.request().body(body).when().post("/v1/products").then().statusCode(409);
        caller.request().body("{\"clickbankId\":\"X\",\"title\":\"X\",\"vendor\":\"v\",\"refundRate\":120}").when().post("/v1/products")
                .then().statusCode(400).body("errors[0].field", equalTo("refundRate"));

        stranger.request().when().get("/v1/products/" + id).then().statusCode(404);
        stranger.request().when().delete("/v1/products/" + id).then().statusCode(404);
        given().when().get("/v1/products").then().statusCode(401);
        caller.request().when().delete("/v1/products/" + id).then().statusCode(204);
        caller.request().when().get("/v1/products/" + id).then().statusCode(404);
    }
}
