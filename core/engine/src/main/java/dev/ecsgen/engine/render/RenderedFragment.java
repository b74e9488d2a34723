package dev.ecsgen.engine.render;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One fragment's output.
 *
 * @param source the fragment file
 * @param text   the raw rendered text
 * @param tree   the text parsed as a JSON object of template sections
 */
public record RenderedFragment(FragmentSource source, String text, ObjectNode tree) {
}
