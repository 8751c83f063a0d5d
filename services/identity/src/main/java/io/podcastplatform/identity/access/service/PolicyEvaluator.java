package io.podcastplatform.identity.access.service;

import io.podcastplatform.security.permission.Action;
import io.podcastplatform.security.permission.Grant;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides an access request from the subject's grants (RBAC) and the tenant's policies (ABAC): a
 * matching deny policy always wins; otherwise a grant or a matching allow policy allows; otherwise the
 * request is denied. Policies are tried by priority, highest first, so the decision names the policy
 * that mattered most.
 */
public final class PolicyEvaluator {

    public static final Set<String> OPERATORS = Set.of("equals", "notEquals", "in", "notIn", "between", "cidr", "exists");

    private static final Pattern REFERENCE = Pattern.compile("^\\$\\{([a-zA-Z0-9_.-]+)}$");

    private PolicyEvaluator() {
    }

    public record Decision(boolean allowed, String decidedBy, String policy) {
    }

    public static Decision decide(Set<Grant> grants, List<AccessPolicy> policies, String resource, Action action,
                                  Map<String, Object> attributes) {
        List<AccessPolicy> matching = policies.stream()
                .filter(AccessPolicy::enabled)
                .filter(policy -> applies(policy, resource, action))
                .filter(policy -> conditionsHold(policy.conditions(), attributes))
                .sorted(Comparator.comparingInt(AccessPolicy::priority).reversed())
                .toList();
        Optional<AccessPolicy> deny = matching.stream().filter(policy -> policy.effect() == AccessPolicy.Effect.DENY).findFirst();
        if (deny.isPresent()) {
            return new Decision(false, "policy", deny.get().name());
        }
        if (grants.stream().anyMatch(grant -> grant.allows(resource, action))) {
            return new Decision(true, "role", null);
        }
        return matching.stream().filter(policy -> policy.effect() == AccessPolicy.Effect.ALLOW).findFirst()
                .map(policy -> new Decision(true, "policy", policy.name()))
                .orElse(new Decision(false, "default", null));
    }

    /** The first problem with a policy's conditions, for validation at write time; empty when they are sound. */
    public static Optional<String> problemWith(Map<String, Map<String, Object>> conditions) {
        for (Map.Entry<String, Map<String, Object>> condition : conditions.entrySet()) {
            if (!condition.getKey().matches("(subject|resource|request)\\.[a-zA-Z0-9_.-]+")) {
                return Optional.of(condition.getKey() + ": an attribute path starts with subject., resource. or request.");
            }
            if (condition.getValue() == null || condition.getValue().size() != 1 || !OPERATORS.contains(condition.getValue().keySet().iterator().next())) {
                return Optional.of(condition.getKey() + ": one operator of " + OPERATORS);
            }
            String operator = condition.getValue().keySet().iterator().next();
            Object operand = condition.getValue().get(operator);
            if ((operator.equals("in") || operator.equals("notIn")) && !(operand instanceof Collection<?>)) {
                return Optional.of(condition.getKey() + ": " + operator + " takes a list");
            }
            if (operator.equals("between") && !(operand instanceof List<?> bounds && bounds.size() == 2 && bounds.stream().allMatch(Number.class::isInstance))) {
                return Optional.of(condition.getKey() + ": between takes two numbers");
            }
            if (operator.equals("cidr") && !(operand instanceof String cidr && parseCidr(cidr) != null)) {
                return Optional.of(condition.getKey() + ": cidr takes a block such as 10.0.0.0/8");
            }
        }
        return Optional.empty();
    }

    private static boolean applies(AccessPolicy policy, String resource, Action action) {
        boolean resourceMatches = policy.resource().equals("*") || policy.resource().equals(resource);
        boolean actionMatches = policy.action().equals("*") || policy.action().equalsIgnoreCase(action.name());
        return resourceMatches && actionMatches;
    }

    private static boolean conditionsHold(Map<String, Map<String, Object>> conditions, Map<String, Object> attributes) {
        for (Map.Entry<String, Map<String, Object>> condition : conditions.entrySet()) {
            Object actual = lookup(attributes, condition.getKey());
            Map.Entry<String, Object> test = condition.getValue().entrySet().iterator().next();
            if (!holds(test.getKey(), actual, resolve(test.getValue(), attributes))) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(String operator, Object actual, Object operand) {
        return switch (operator) {
            case "exists" -> Boolean.TRUE.equals(operand) == (actual != null);
            case "equals" -> actual != null && same(actual, operand);
            case "notEquals" -> actual == null || !same(actual, operand);
            case "in" -> actual != null && ((Collection<?>) operand).stream().anyMatch(value -> same(actual, value));
            case "notIn" -> actual == null || ((Collection<?>) operand).stream().noneMatch(value -> same(actual, value));
            case "between" -> number(actual) != null
                    && number(actual).compareTo(number(((List<?>) operand).get(0))) >= 0
                    && number(actual).compareTo(number(((List<?>) operand).get(1))) <= 0;
            case "cidr" -> actual instanceof String address && inCidr(address, (String) operand);
            default -> false;
        };
    }

    private static Object resolve(Object operand, Map<String, Object> attributes) {
        if (operand instanceof String text) {
            Matcher reference = REFERENCE.matcher(text);
            if (reference.matches()) {
                return lookup(attributes, reference.group(1));
            }
        }
        return operand;
    }

    @SuppressWarnings("unchecked")
    private static Object lookup(Map<String, Object> attributes, String path) {
        Object current = attributes;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(part);
        }
        return current;
    }

    private static boolean same(Object a, Object b) {
        if (number(a) != null && number(b) != null) {
            return number(a).compareTo(number(b)) == 0;
        }
        return Objects.equals(String.valueOf(a), String.valueOf(b));
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean inCidr(String address, String cidr) {
        Cidr block = parseCidr(cidr);
        byte[] candidate = literalAddress(address);
        if (block == null || candidate == null || candidate.length != block.address().length) {
            return false;
        }
        for (int i = 0; i < block.bits(); i++) {
            int mask = 0x80 >> (i % 8);
            if ((candidate[i / 8] & mask) != (block.address()[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private record Cidr(byte[] address, int bits) {
    }

    /** The block of a literal CIDR such as {@code 10.0.0.0/8}, or null. */
    private static Cidr parseCidr(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] address = slash < 0 ? null : literalAddress(cidr.substring(0, slash));
        if (address == null) {
            return null;
        }
        try {
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            return bits < 0 || bits > address.length * 8 ? null : new Cidr(address, bits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The bytes of an IP literal; never a name lookup, so evaluation cannot wait on DNS. */
    private static byte[] literalAddress(String text) {
        if (!text.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
