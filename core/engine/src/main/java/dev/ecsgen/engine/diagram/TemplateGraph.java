package dev.ecsgen.engine.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.image.ImageReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources of a CloudFormation template and the references between them, for
 * {@code ecsgen diagram}.
 *
 * <p>Edges come from {@code Ref}, {@code Fn::GetAtt}, the variables of {@code Fn::Sub} and
 * {@code DependsOn}. References to pseudo parameters such as {@code AWS::Region}, and to names that
 * are neither a resource nor a parameter, are left out. Edges in the ECS parts carry what they mean:
 * the instance profile of a launch template and its role, the secret in a container's
 * {@code RepositoryCredentials}, and the registry each container image is pulled from, as a node
 * named by the registry host.
 */
public final class TemplateGraph {
    /** What a node stands for. */
    public enum Kind {
        RESOURCE,
        PARAMETER,
        SECRET,
        REGISTRY
    }

    /**
     * One node.
     *
     * @param id     the logical id of a resource or parameter, {@code registry:HOST} or {@code secret:ARN}
     * @param kind   what the node stands for
     * @param label  the name shown, such as the logical id or the registry host
     * @param detail the second line shown, such as the resource type
     */
    public record Node(String id, Kind kind, String label, String detail) {
    }

    /**
     * One reference from a node to another.
     *
     * @param from  the id of the node that refers
     * @param to    the id of the node referred to
     * @param label how it refers, such as {@code Ref}, {@code GetAtt Arn} or {@code instance profile}
     */
    public record Edge(String from, String to, String label) implements Comparable<Edge> {
        private static final Comparator<Edge> ORDER = Comparator.comparing(Edge::from)
                .thenComparing(Edge::to)
                .thenComparing(Edge::label);

        @Override
        public int compareTo(Edge other) {
            return ORDER.compare(this, other);
        }
    }

    /** A {@code ${Name}} or {@code ${Name.Attribute}} variable of {@code Fn::Sub}; {@code ${!Literal}} is text. */
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final Map<String, Node> nodes = new TreeMap<>();
    private final Set<Edge> edges = new TreeSet<>();
    private final JsonNode resources;
    private final JsonNode parameters;

    private TemplateGraph(JsonNode template) {
        this.resources = template.path("Resources");
        this.parameters = template.path("Parameters");
    }

    /**
     * Builds the graph of {@code template}.
     *
     * @throws IllegalArgumentException when the template has no {@code Resources} mapping
     */
    public static TemplateGraph of(JsonNode template) {
        if (!template.path("Resources").isObject()) {
            throw new IllegalArgumentException("no Resources mapping: expected a CloudFormation template");
        }
        TemplateGraph graph = new TemplateGraph(template);
        graph.resources.fields().forEachRemaining(entry -> graph.addResource(entry.getKey(), entry.getValue()));
        return graph;
    }

    /** Returns the nodes sorted by kind, then id. */
    public List<Node> nodes() {
        List<Node> sorted = new ArrayList<>(nodes.values());
        sorted.sort(Comparator.comparing(Node::kind).thenComparing(Node::id));
        return Collections.unmodifiableList(sorted);
    }

    /** Returns the edges sorted by source, target and label. */
    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    private void addResource(String id, JsonNode resource) {
        String type = resource.path("Type").asText("(no Type)");
        nodes.put(id, new Node(id, Kind.RESOURCE, id, type));
        for (JsonNode dependency : resource.path("DependsOn").isArray()
                ? iterable(resource.path("DependsOn").elements())
                : List.of(resource.path("DependsOn"))) {
            if (dependency.isTextual()) {
                addReference(id, dependency.asText(), "DependsOn");
            }
        }
        walk(id, type, resource.path("Properties"), new ArrayList<>(List.of("Properties")));
        if ("AWS::ECS::TaskDefinition".equals(type)) {
            addPulls(id, resource.path("Properties").path("ContainerDefinitions"));
        }
    }

    /** Visits every value under a resource, collecting the intrinsic functions that name another node. */
    private void walk(String from, String type, JsonNode value, List<String> path) {
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                path.add(String.valueOf(i));
                walk(from, type, value.get(i), path);
                path.remove(path.size() - 1);
            }
            return;
        }
        if (!value.isObject()) {
            if (value.isTextual() && isSecretPath(type, path) && value.asText().contains(":secret:")) {
                addSecretArn(from, value.asText());
            }
            return;
        }
        if (value.size() == 1 && value.has("Ref") && value.get("Ref").isTextual()) {
            addReference(from, value.get("Ref").asText(), meaning(type, path, "Ref"));
            return;
        }
        if (value.size() == 1 && value.has("Fn::GetAtt")) {
            addGetAtt(from, type, value.get("Fn::GetAtt"), path);
            return;
        }
        if (value.size() == 1 && value.has("Fn::Sub")) {
            addSub(from, type, value.get("Fn::Sub"), path);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            path.add(field.getKey());
            walk(from, type, field.getValue(), path);
            path.remove(path.size() - 1);
        }
    }

    private void addGetAtt(String from, String type, JsonNode arguments, List<String> path) {
        String target;
        String attribute;
        if (arguments.isTextual() && arguments.asText().contains(".")) {
            target = arguments.asText().substring(0, arguments.asText().indexOf('.'));
            attribute = arguments.asText().substring(target.length() + 1);
        } else if (arguments.isArray() && arguments.size() == 2 && arguments.get(0).isTextual()) {
            target = arguments.get(0).asText();
            attribute = arguments.get(1).isTextual() ? arguments.get(1).asText() : "(computed)";
        } else {
            return;
        }
        addReference(from, target, meaning(type, path, "GetAtt " + attribute));
    }

    private void addSub(String from, String type, JsonNode arguments, List<String> path) {
        String text;
        Set<String> local = new HashSet<>();
        if (arguments.isTextual()) {
            text = arguments.asText();
        } else if (arguments.isArray() && arguments.size() == 2 && arguments.get(0).isTextual()) {
            text = arguments.get(0).asText();
            arguments.get(1).fieldNames().forEachRemaining(local::add);
            path.add("Fn::Sub");
            walk(from, type, arguments.get(1), path);
            path.remove(path.size() - 1);
        } else {
            return;
        }
        Matcher variable = SUB_VARIABLE.matcher(text);
        while (variable.find()) {
            String name = variable.group(1).trim();
            String target = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (!local.contains(name) && !local.contains(target)) {
                addReference(from, target, meaning(type, path, "Sub"));
            }
        }
    }

    /** Adds an edge when {@code target} is a resource or parameter of the template. */
    private void addReference(String from, String target, String label) {
        if (resources.has(target)) {
            edges.add(new Edge(from, target, label));
        } else if (parameters.has(target)) {
            JsonNode parameter = parameters.get(target);
            String detail = "parameter " + parameter.path("Type").asText("String")
                    + (parameter.path("NoEcho").asBoolean(false) ? " (NoEcho)" : "");
            nodes.putIfAbsent(target, new Node(target, Kind.PARAMETER, target, detail));
            edges.add(new Edge(from, target, label));
        }
    }

    private void addSecretArn(String from, String arn) {
        String id = "secret:" + arn;
        String name = arn.substring(arn.indexOf(":secret:") + ":secret:".length());
        nodes.putIfAbsent(id, new Node(id, Kind.SECRET, name, "Secrets Manager secret"));
        edges.add(new Edge(from, id, "reads secret"));
    }

    /** Adds a registry node for each container image and an edge from the task definition to it. */
    private void addPulls(String taskDefinition, JsonNode containers) {
        for (JsonNode container : iterable(containers.elements())) {
            JsonNode image = container.path("Image");
            if (!image.isTextual()) {
                // An image built with an intrinsic function is known only at deploy time.
                continue;
            }
            String registry;
            try {
                registry = ImageReference.parse(image.asText()).registry();
            } catch (IllegalArgumentException e) {
                continue;
            }
            String id = "registry:" + registry;
            nodes.putIfAbsent(id, new Node(id, Kind.REGISTRY, registry, "registry"));
            edges.add(new Edge(taskDefinition, id, "pulls " + container.path("Name").asText(image.asText())));
        }
    }

    /** Names what a reference means in the ECS parts of the template, or returns {@code generic}. */
    private static String meaning(String type, List<String> path, String generic) {
        String at = String.join("/", path);
        return switch (type) {
            case "AWS::EC2::LaunchTemplate" ->
                    at.startsWith("Properties/LaunchTemplateData/IamInstanceProfile") ? "instance profile" : generic;
            case "AWS::IAM::InstanceProfile" -> at.startsWith("Properties/Roles") ? "role" : generic;
            case "AWS::ECS::TaskDefinition" -> {
                if (isSecretPath(type, path)) {
                    yield "reads secret";
                }
                if (at.startsWith("Properties/ExecutionRoleArn")) {
                    yield "execution role";
                }
                yield at.startsWith("Properties/TaskRoleArn") ? "task role" : generic;
            }
            default -> generic;
        };
    }

    private static boolean isSecretPath(String type, List<String> path) {
        return "AWS::ECS::TaskDefinition".equals(type)
                && path.size() >= 5
                && path.get(1).equals("ContainerDefinitions")
                && path.get(3).equals("RepositoryCredentials")
                && path.get(4).equals("CredentialsParameter");
    }

    private static Iterable<JsonNode> iterable(Iterator<JsonNode> elements) {
        return () -> elements;
    }
}
