package dev.ecsgen.engine.resolve;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks parameter values against the template's {@code Parameters} section the way CloudFormation does when a
 * stack is created. Messages of a {@code NoEcho} parameter never contain its value.
 */
final class ParameterValidator {
    private final JsonNode declarations;
    private final Map<String, String> values;
    private final boolean requireValues;

    /** {@code requireValues} false skips parameters without a value or Default instead of reporting them. */
    ParameterValidator(JsonNode declarations, Map<String, String> values, boolean requireValues) {
        this.declarations = declarations;
        this.values = values;
        this.requireValues = requireValues;
    }

    /** Returns one message per problem, in template order, then the undeclared names in sorted order. */
    List<String> validate() {
        // A set, because a broken constraint is found once per list member but should be reported once.
        Set<String> problems = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> entry : declarations.properties()) {
            validateOne(entry.getKey(), entry.getValue(), problems);
        }
        TreeSet<String> undeclared = new TreeSet<>(values.keySet());
        declarations.fieldNames().forEachRemaining(undeclared::remove);
        for (String name : undeclared) {
            problems.add("Parameter '" + name + "' has a value but is not declared in the template's Parameters section.");
        }
        return List.copyOf(problems);
    }

    private void validateOne(String name, JsonNode declaration, Collection<String> problems) {
        if (!declaration.isObject()) {
            problems.add("Parameter '" + name + "' must be declared as an object with a Type.");
            return;
        }
        String type = ParameterTypes.type(declaration);
        if (type == null) {
            problems.add("Parameter '" + name + "' has no Type. Set Type, for example to String.");
            return;
        }
        String value = values.containsKey(name) ? values.get(name) : ParameterTypes.defaultValue(declaration);
        if (value == null) {
            if (requireValues) {
                problems.add("Parameter '" + name + "' has no value and no Default. Pass a value for it.");
            }
            return;
        }

        boolean noEcho = ParameterTypes.isNoEcho(declaration);
        boolean list = ParameterTypes.isList(type);
        List<String> members = list ? ParameterTypes.splitList(value) : List.of(value);
        String hint = constraintDescription(declaration);
        for (String member : members) {
            String subject = subject(name, member, list, noEcho);
            if (ParameterTypes.isNumber(type) && parseNumber(member) == null) {
                problems.add(subject + " is not a number.");
                continue;
            }
            checkAllowedValues(declaration, subject, member, hint, problems);
            checkAllowedPattern(name, declaration, subject, member, hint, problems);
            if (ParameterTypes.isNumber(type)) {
                checkValueRange(name, declaration, subject, parseNumber(member), hint, problems);
            }
        }
        if (!list) {
            checkLength(name, declaration, subject(name, value, false, noEcho), value, hint, problems);
        }
    }

    /** Returns the start of a message about one value, such as {@code Parameter 'Env' value 'qa'}. */
    private static String subject(String name, String member, boolean list, boolean noEcho) {
        String kind = list ? "list member" : "value";
        if (noEcho) {
            return "Parameter '" + name + "' " + kind + " (hidden because the parameter is NoEcho)";
        }
        return "Parameter '" + name + "' " + kind + " '" + member + "'";
    }

    private static void checkAllowedValues(JsonNode declaration, String subject, String member, String hint, Collection<String> problems) {
        JsonNode allowed = declaration.get("AllowedValues");
        if (allowed == null || !allowed.isArray()) {
            return;
        }
        List<String> allowedTexts = new ArrayList<>();
        allowed.forEach(item -> allowedTexts.add(item.asText()));
        if (!allowedTexts.contains(member)) {
            problems.add(subject + " is not one of the AllowedValues [" + String.join(", ", allowedTexts) + "]." + hint);
        }
    }

    private static void checkAllowedPattern(String name, JsonNode declaration, String subject, String member, String hint,
                                            Collection<String> problems) {
        JsonNode pattern = declaration.get("AllowedPattern");
        if (pattern == null || !pattern.isTextual()) {
            return;
        }
        try {
            if (!Pattern.compile(pattern.textValue()).matcher(member).matches()) {
                problems.add(subject + " does not match the AllowedPattern " + pattern.textValue() + "." + hint);
            }
        } catch (PatternSyntaxException e) {
            problems.add("Parameter '" + name + "' has an invalid AllowedPattern " + pattern.textValue() + ": "
                    + e.getDescription() + ".");
        }
    }

    private static void checkLength(String name, JsonNode declaration, String subject, String value, String hint,
                                    Collection<String> problems) {
        int length = value.codePointCount(0, value.length());
        Integer min = integerConstraint(name, declaration, "MinLength", problems);
        Integer max = integerConstraint(name, declaration, "MaxLength", problems);
        if (min != null && length < min) {
            problems.add(subject + " is " + length + " characters long, shorter than the MinLength " + min + "." + hint);
        }
        if (max != null && length > max) {
            problems.add(subject + " is " + length + " characters long, longer than the MaxLength " + max + "." + hint);
        }
    }

    private static void checkValueRange(String name, JsonNode declaration, String subject, BigDecimal number, String hint,
                                        Collection<String> problems) {
        BigDecimal min = numberConstraint(name, declaration, "MinValue", problems);
        BigDecimal max = numberConstraint(name, declaration, "MaxValue", problems);
        if (min != null && number.compareTo(min) < 0) {
            problems.add(subject + " is less than the MinValue " + min.toPlainString() + "." + hint);
        }
        if (max != null && number.compareTo(max) > 0) {
            problems.add(subject + " is greater than the MaxValue " + max.toPlainString() + "." + hint);
        }
    }

    private static Integer integerConstraint(String name, JsonNode declaration, String key, Collection<String> problems) {
        BigDecimal number = numberConstraint(name, declaration, key, problems);
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            problems.add("Parameter '" + name + "' has an invalid " + key + " " + number.toPlainString() + ". Use a whole number.");
            return null;
        }
    }

    private static BigDecimal numberConstraint(String name, JsonNode declaration, String key, Collection<String> problems) {
        JsonNode node = declaration.get(key);
        if (node == null) {
            return null;
        }
        BigDecimal number = parseNumber(node.asText());
        if (number == null) {
            problems.add("Parameter '" + name + "' has an invalid " + key + " '" + node.asText() + "'. Use a number.");
        }
        return number;
    }

    private static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String constraintDescription(JsonNode declaration) {
        JsonNode description = declaration.get("ConstraintDescription");
        return description != null && description.isTextual() ? " " + description.textValue() : "";
    }
}
