package io.podcastplatform.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes objects of one chart render, parsed from helm's YAML output. */
final class RenderedChart {

    private final String text;
    private final List<Map<String, Object>> objects;

    private RenderedChart(String text, List<Map<String, Object>> objects) {
        this.text = text;
        this.objects = objects;
    }

    static RenderedChart parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml(options).loadAll(text)) {
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map)) {
                fail("rendered document is not a mapping: " + doc);
            }
            objects.add(map(doc));
        }
        return new RenderedChart(text, objects);
    }

    String text() {
        return text;
    }

    List<Map<String, Object>> all() {
        return objects;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).collect(Collectors.toList());
    }

    /** Names of the objects of a kind, in render order. */
    List<String> names(String kind) {
        return ofKind(kind).stream().map(RenderedChart::name).collect(Collectors.toList());
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseGet(() -> fail(kind + " " + name + " not rendered; have " + names(kind)));
    }

    // ---- navigation helpers over the parsed YAML ----

    static String name(Map<String, Object> object) {
        return (String) at(object, "metadata.name");
    }

    static Map<String, Object> annotations(Map<String, Object> object) {
        Object annotations = at(object, "metadata.annotations");
        return annotations == null ? Map.of() : map(annotations);
    }

    static Map<String, Object> labels(Map<String, Object> object) {
        Object labels = at(object, "metadata.labels");
        return labels == null ? Map.of() : map(labels);
    }

    /** The pod spec of a Deployment or Job. */
    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(at(workload, "spec.template.spec"));
    }

    /** The single container of a Deployment or Job. */
    static Map<String, Object> container(Map<String, Object> workload) {
        List<Object> containers = list(podSpec(workload).get("containers"));
        assertEquals(1, containers.size(), "containers of " + name(workload));
        return map(containers.get(0));
    }

    /** The env entries of a container, by name (a duplicate name fails). */
    static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        Object entries = container.get("env");
        if (entries != null) {
            for (Object entry : list(entries)) {
                Map<String, Object> e = map(entry);
                if (env.put((String) e.get("name"), e) != null) {
                    fail("env " + e.get("name") + " defined twice in container " + container.get("name"));
                }
            }
        }
        return env;
    }

    /** The literal value of an env entry (fails when it comes from a reference). */
    static String envValue(Map<String, Object> container, String name) {
        Map<String, Object> entry = env(container).get(name);
        if (entry == null) {
            fail("env " + name + " missing in container " + container.get("name") + "; have " + env(container).keySet());
        }
        if (!entry.containsKey("value")) {
            fail("env " + name + " has no literal value: " + entry);
        }
        return Objects.toString(entry.get("value"));
    }

    /** "secretName/key" of an env entry read from a Secret, or fails. */
    static String envSecretRef(Map<String, Object> container, String name) {
        Map<String, Object> entry = env(container).get(name);
        if (entry == null) {
            fail("env " + name + " missing in container " + container.get("name"));
        }
        Object ref = at(entry, "valueFrom.secretKeyRef");
        if (ref == null || entry.containsKey("value")) {
            fail("env " + name + " is not read from a Secret: " + entry);
        }
        Map<String, Object> secretKeyRef = map(ref);
        return secretKeyRef.get("name") + "/" + secretKeyRef.get("key");
    }

    /** The value at a dotted path of nested mappings, or null. */
    static Object at(Map<String, Object> root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<?, ?>) current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            fail("expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (!(value instanceof List)) {
            fail("expected a list, got " + value);
        }
        return (List<Object>) value;
    }
}
