package io.podcastplatform.useragents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Copies of the bundled lists in a directory, to edit for the replaceable-data and broken-file tests. */
final class TestData {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> BUNDLED_FILES = List.of("bots.json", "apps.json", "libraries.json", "browsers.json",
            "devices.json", "referrers.json", "patterns.schema.json", "LICENSE", "SOURCE.md", "VERSION.properties");

    private TestData() {
    }

    static byte[] bundled(String name) {
        try (InputStream in = TestData.class.getClassLoader()
                .getResourceAsStream(PatternSetLoader.BUNDLED_RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("no bundled " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies every bundled file into {@code dir}. */
    static Path copyBundled(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : BUNDLED_FILES) {
            Files.write(dir.resolve(name), bundled(name));
        }
        return dir;
    }

    /** Rewrites the {@code entries} array of one JSON file in {@code dir}. */
    static void editEntries(Path dir, String file, Consumer<ArrayNode> edit) throws IOException {
        Path path = dir.resolve(file);
        ObjectNode root = (ObjectNode) JSON.readTree(path.toFile());
        edit.accept((ArrayNode) root.get("entries"));
        JSON.writerWithDefaultPrettyPrinter().writeValue(path.toFile(), root);
    }

    static ObjectNode entry(String name, String pattern) {
        ObjectNode e = JSON.createObjectNode();
        e.put("name", name);
        e.put("pattern", pattern);
        return e;
    }

    static int indexOf(ArrayNode entries, String name) {
        for (int i = 0; i < entries.size(); i++) {
            if (name.equals(entries.get(i).get("name").asText())) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
