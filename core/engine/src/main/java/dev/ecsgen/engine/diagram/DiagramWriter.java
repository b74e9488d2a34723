package dev.ecsgen.engine.diagram;

import dev.ecsgen.engine.diagram.TemplateGraph.Edge;
import dev.ecsgen.engine.diagram.TemplateGraph.Node;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link TemplateGraph} as Mermaid flowchart or Graphviz DOT text. The output depends only
 * on the graph, whose nodes and edges are sorted, so the same template always gives the same text.
 */
public final class DiagramWriter {
    /** The text formats of a diagram. */
    public enum Format {
        MERMAID,
        DOT
    }

    private DiagramWriter() {
    }

    /** Writes {@code graph} in {@code format}, ending with a newline. */
    public static String write(TemplateGraph graph, Format format) {
        return format == Format.MERMAID ? mermaid(graph) : dot(graph);
    }

    /** Writes a left-to-right Mermaid flowchart. */
    public static String mermaid(TemplateGraph graph) {
        Map<String, String> ids = mermaidIds(graph);
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Node node : graph.nodes()) {
            String label = mermaidText(node.label()) + "<br/>" + mermaidText(node.detail());
            String id = ids.get(node.id());
            out.append("  ").append(switch (node.kind()) {
                case RESOURCE -> id + "[\"" + label + "\"]";
                case PARAMETER -> id + "[/\"" + label + "\"/]";
                case SECRET -> id + ">\"" + label + "\"]";
                case REGISTRY -> id + "[(\"" + label + "\")]";
            }).append('\n');
        }
        for (Edge edge : graph.edges()) {
            out.append("  ").append(ids.get(edge.from())).append(" -->|").append(mermaidText(edge.label()).replace("|", "#124;"))
                    .append("| ").append(ids.get(edge.to())).append('\n');
        }
        return out.toString();
    }

    /** Writes a left-to-right Graphviz digraph. */
    public static String dot(TemplateGraph graph) {
        StringBuilder out = new StringBuilder("digraph ecsgen {\n");
        out.append("  rankdir=LR;\n");
        out.append("  node [fontname=\"Helvetica\", fontsize=10];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (Node node : graph.nodes()) {
            String shape = switch (node.kind()) {
                case RESOURCE -> "box";
                case PARAMETER -> "parallelogram";
                case SECRET -> "note";
                case REGISTRY -> "cylinder";
            };
            out.append("  ").append(dotString(node.id())).append(" [shape=").append(shape)
                    .append(", label=").append(dotString(node.label() + "\n" + node.detail())).append("];\n");
        }
        for (Edge edge : graph.edges()) {
            out.append("  ").append(dotString(edge.from())).append(" -> ").append(dotString(edge.to()))
                    .append(" [label=").append(dotString(edge.label())).append("];\n");
        }
        return out.append("}\n").toString();
    }

    /** Gives each node a Mermaid id of letters, digits and '_', prefixed by kind so none is a keyword such as {@code end}. */
    private static Map<String, String> mermaidIds(TemplateGraph graph) {
        Map<String, String> ids = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Node node : graph.nodes()) {
            String prefix = switch (node.kind()) {
                case RESOURCE -> "r_";
                case PARAMETER -> "p_";
                case SECRET -> "s_";
                case REGISTRY -> "g_";
            };
            String base = prefix + node.label().replaceAll("[^A-Za-z0-9]", "_");
            String id = base;
            for (int n = 2; !taken.add(id); n++) {
                id = base + "_" + n;
            }
            ids.put(node.id(), id);
        }
        return ids;
    }

    /** Escapes text inside a quoted Mermaid label with Mermaid's entity codes. */
    private static String mermaidText(String text) {
        return text.replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }

    private static String dotString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
