package io.podcastplatform.ingest.enrich.service;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CountryResponse;
import io.podcastplatform.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Chooses the GeoIP reader: a MaxMind-format database (GeoLite2/GeoIP2 Country or City) at
 * {@code ingest.client.geoip-database}, or, when none is configured or the file is missing or unreadable,
 * one that knows no country (events are then stored with an unknown country, never refused).
 */
@ApplicationScoped
public class GeoIpReaders {

    private static final Logger LOG = Logger.getLogger(GeoIpReaders.class);

    @Produces
    @ApplicationScoped
    GeoIpReader reader(IngestConfig config) {
        Optional<File> database = config.client().geoipDatabase().filter(path -> !path.isBlank()).map(File::new);
        if (database.isEmpty()) {
            return address -> Optional.empty();
        }
        if (!database.get().isFile()) {
            LOG.warnf("GeoIP database %s does not exist; countries stay unknown", database.get());
            return address -> Optional.empty();
        }
        try {
            return new MaxMindReader(new DatabaseReader.Builder(database.get()).build());
        } catch (IOException e) {
            LOG.warnf("GeoIP database %s is unreadable (%s); countries stay unknown", database.get(), e.toString());
            return address -> Optional.empty();
        }
    }

    private record MaxMindReader(DatabaseReader database) implements GeoIpReader {

        @Override
        public Optional<String> country(InetAddress address) {
            try {
                if (database.getMetadata().getDatabaseType().contains("City")) {
                    return database.tryCity(address).map(city -> city.getCountry().getIsoCode());
                }
                return database.tryCountry(address).map(CountryResponse::getCountry).map(country -> country.getIsoCode());
            } catch (Exception e) {
                return Optional.empty();
            }
        }
    }
}
