package io.podcastplatform.useragents;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads a {@link PatternSet} from the copy bundled in this library or from a directory given at
 * run time, so that an operator can drop in a newer copy of the OPAWG lists without a code change.
 *
 * <p>A directory must hold the six files {@code bots.json}, {@code apps.json},
 * {@code libraries.json}, {@code browsers.json}, {@code devices.json} and {@code referrers.json},
 * either directly or in a {@code src/} subdirectory (a checkout of the upstream repository). An
 * optional {@code VERSION.properties} beside them (keys {@code name}, {@code source},
 * {@code commit}, {@code date}, {@code license}) says which copy it is; without one those read
 * {@code unknown}, and the {@linkplain DataVersion#fingerprint() fingerprint} still tells copies
 * apart.
 *
 * <p>Validation fails with a {@link PatternDataException} naming the file, entry and pattern when a
 * file is missing or unreadable, is not valid JSON, lacks the {@code entries} array, has an entry
 * without a string {@code name} or {@code pattern}, repeats a name within the file, has an optional
 * field of the wrong type, or has a pattern that does not compile.
 */
public final class PatternSetLoader {

    /** Classpath directory of the bundled copy. */
    public static final String BUNDLED_RESOURCE_DIR = "opawg/user-agents-v2/";
    /** Name of the optional version file. */
    public static final String VERSION_FILE = "VERSION.properties";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PatternSetLoader() {
    }

    /** Loads the copy bundled in this library (see {@code VERSION.properties} there). */
    public static PatternSet loadBundled() {
        String location = "classpath:" + BUNDLED_RESOURCE_DIR;
        Map<PatternFile, byte[]> raw = new EnumMap<>(PatternFile.class);
        for (PatternFile file : PatternFile.values()) {
            raw.put(file, readResource(BUNDLED_RESOURCE_DIR + file.fileName()));
        }
        byte[] version = readResource(BUNDLED_RESOURCE_DIR + VERSION_FILE);
        return build(raw, version, location, true, location);
    }

    /**
     * Loads the copy in {@code directory} (the six JSON files there or in its {@code src/}).
     *
     * @throws PatternDataException if the directory or a file is missing or invalid
     */
    public static PatternSet loadDirectory(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new PatternDataException("user-agent data directory " + dir + " does not exist or is not a directory",
                    dir.toString(), null, null, null);
        }
        Path jsonDir = dir;
        if (!Files.exists(dir.resolve(PatternFile.BOTS.fileName()))
                && Files.exists(dir.resolve("src").resolve(PatternFile.BOTS.fileName()))) {
            jsonDir = dir.resolve("src");
        }
        Map<PatternFile, byte[]> raw = new EnumMap<>(PatternFile.class);
        for (PatternFile file : PatternFile.values()) {
            Path path = jsonDir.resolve(file.fileName());
            if (!Files.isRegularFile(path)) {
                throw new PatternDataException(path + ": file missing (a user-agent data directory needs "
                        + expectedFiles() + ")", path.toString(), null, null, null);
            }
            try {
                raw.put(file, Files.readAllBytes(path));
            } catch (IOException e) {
                throw new PatternDataException(path + ": cannot read: " + e, path.toString(), null, null, e);
            }
        }
        byte[] version = null;
        Path versionPath = Files.isRegularFile(dir.resolve(VERSION_FILE)) ? dir.resolve(VERSION_FILE)
                : jsonDir.resolve(VERSION_FILE);
        if (Files.isRegularFile(versionPath)) {
            try {
                version = Files.readAllBytes(versionPath);
            } catch (IOException e) {
                throw new PatternDataException(versionPath + ": cannot read: " + e, versionPath.toString(), null, null, e);
            }
        }
        return build(raw, version, jsonDir.toString() + "/", false, dir.toString());
    }

    /**
     * Loads from {@code directory} when it is non-null and non-blank, else the bundled copy: the shape
     * of an optional configuration property such as {@code podcast.user-agents.directory}.
     */
    public static PatternSet load(String directory) {
        return directory == null || directory.isBlank() ? loadBundled() : loadDirectory(Path.of(directory.strip()));
    }

    private static String expectedFiles() {
        List<String> names = new ArrayList<>();
        for (PatternFile f : PatternFile.values()) {
            names.add(f.fileName());
        }
        return String.join(", ", names);
    }

    private static byte[] readResource(String name) {
        ClassLoader loader = PatternSetLoader.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new PatternDataException("classpath:" + name + ": bundled file missing", "classpath:" + name,
                        null, null, null);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new PatternDataException("classpath:" + name + ": cannot read: " + e, "classpath:" + name, null, null, e);
        }
    }

    private static PatternSet build(Map<PatternFile, byte[]> raw, byte[] versionBytes, String filePrefix,
            boolean bundled, String location) {
        Map<PatternFile, List<PatternEntry>> entries = new EnumMap<>(PatternFile.class);
        Map<PatternFile, Integer> counts = new EnumMap<>(PatternFile.class);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (PatternFile file : PatternFile.values()) {
            byte[] bytes = raw.get(file);
            sha.update(bytes);
            List<PatternEntry> list = parseFile(file, bytes, filePrefix + file.fileName());
            entries.put(file, list);
            counts.put(file, list.size());
        }
        Properties props = new Properties();
        if (versionBytes != null) {
            try {
                props.load(new StringReader(new String(versionBytes, StandardCharsets.UTF_8)));
            } catch (IOException | IllegalArgumentException e) {
                throw new PatternDataException(filePrefix + VERSION_FILE + ": not a valid properties file: " + e,
                        filePrefix + VERSION_FILE, null, null, e);
            }
        }
        DataVersion version = new DataVersion(
                props.getProperty("name", "opawg/user-agents-v2").strip(),
                props.getProperty("source", "unknown").strip(),
                props.getProperty("commit", "unknown").strip(),
                props.getProperty("date", "unknown").strip(),
                props.getProperty("license", "unknown").strip(),
                location,
                bundled,
                HexFormat.of().formatHex(sha.digest()),
                counts);
        return new PatternSet(entries, version);
    }

    static List<PatternEntry> parseFile(PatternFile file, byte[] bytes, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new PatternDataException(where + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr()), where, null, null, e);
        } catch (IOException e) {
            throw new PatternDataException(where + ": cannot read: " + e, where, null, null, e);
        }
        if (root == null || !root.isObject()) {
            throw new PatternDataException(where + ": expected a JSON object with an \"entries\" array", where, null, null, null);
        }
        JsonNode array = root.get("entries");
        if (array == null || !array.isArray()) {
            throw new PatternDataException(where + ": expected an \"entries\" array at the top level", where, null, null, null);
        }
        List<PatternEntry> list = new ArrayList<>(array.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String at = where + ": entries[" + i + "]";
            if (!node.isObject()) {
                throw new PatternDataException(at + ": expected an object", where, null, null, null);
            }
            JsonNode nameNode = node.get("name");
            if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
                throw new PatternDataException(at + ": \"name\" missing or not a non-blank string", where, null, null, null);
            }
            String name = nameNode.asText();
            at = at + " (\"" + name + "\")";
            JsonNode patternNode = node.get("pattern");
            if (patternNode == null || !patternNode.isTextual() || patternNode.asText().isEmpty()) {
                throw new PatternDataException(at + ": \"pattern\" missing or not a non-empty string", where, name, null, null);
            }
            String pattern = patternNode.asText();
            if (!names.add(name)) {
                throw new PatternDataException(at + ": name repeated within the file (the schema requires unique names)",
                        where, name, pattern, null);
            }
            Pattern compiled;
            try {
                compiled = Pattern.compile(JsRegex.toJava(pattern));
            } catch (PatternSyntaxException e) {
                throw new PatternDataException(at + ": pattern " + quote(pattern) + " does not compile: "
                        + e.getDescription() + " (Java translation " + quote(e.getPattern()) + ", index " + e.getIndex() + ")",
                        where, name, pattern, e);
            }
            list.add(new PatternEntry(file, i, name, pattern, compiled,
                    optionalText(node, "category", at, where, name, pattern),
                    optionalText(node, "description", at, where, name, pattern),
                    optionalText(node, "svg", at, where, name, pattern),
                    optionalText(node, "comments", at, where, name, pattern),
                    optionalTexts(node, "examples", at, where, name, pattern),
                    optionalTexts(node, "urls", at, where, name, pattern)));
        }
        return List.copyOf(list);
    }

    private static String optionalText(JsonNode node, String field, String at, String where, String name, String pattern) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new PatternDataException(at + ": \"" + field + "\" must be a string", where, name, pattern, null);
        }
        return v.asText();
    }

    private static List<String> optionalTexts(JsonNode node, String field, String at, String where, String name,
            String pattern) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new PatternDataException(at + ": \"" + field + "\" must be an array of strings", where, name, pattern, null);
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new PatternDataException(at + ": \"" + field + "\" must be an array of strings", where, name, pattern, null);
            }
            out.add(item.asText());
        }
        return out;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
