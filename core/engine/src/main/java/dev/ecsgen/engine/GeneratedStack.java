package dev.ecsgen.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.plan.StackPlan;
import java.util.List;

/**
 * A generated template and what was found on the way.
 *
 * @param plan     the plan it was rendered from
 * @param template the merged template
 * @param text     the template serialized in the requested format
 * @param findings check findings, none of them errors
 * @param warnings planning warnings, such as an image without credentials
 */
public record GeneratedStack(StackPlan plan, ObjectNode template, String text, List<Finding> findings, List<String> warnings) {
}
